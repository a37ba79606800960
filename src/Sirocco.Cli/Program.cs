using Sirocco.Cli;

return CliApp.Run(args);
