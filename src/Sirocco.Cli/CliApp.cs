using System.CommandLine;

namespace Sirocco.Cli;

/// <summary>The <c>sirocco</c> command line: the server and the local tools.</summary>
internal static class CliApp
{
    /// <summary>
    /// Response files are off: <c>sirocco run --input @file</c> names a JSON file, which System.CommandLine
    /// would otherwise expand into command-line tokens.
    /// </summary>
    public static ParserConfiguration Parsing { get; } = new() { ResponseFileTokenReplacer = null };

    public static int Run(string[] args) => BuildRoot().Parse(args, Parsing).Invoke();

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "Sirocco — a workflow service that runs Mistral Workflow Language v2 workflows and serves the Mistral v2 REST API.");
        root.Subcommands.Add(ServerCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ConformanceCommand.Create());
        root.Subcommands.Add(KeyCommand.Create());
        root.Subcommands.Add(Client.WorkflowCommands.Create());
        root.Subcommands.Add(Client.ExecutionCommands.Create());
        root.Subcommands.Add(Client.TaskCommands.CreateTask());
        root.Subcommands.Add(Client.TaskCommands.CreateAction());
        return root;
    }
}
