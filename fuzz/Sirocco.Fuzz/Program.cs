using SharpFuzz;
using Sirocco.Fuzz;

// sirocco-fuzz <target>              run under afl-fuzz (scripts/fuzz instruments the assemblies first)
// sirocco-fuzz <target> <file>...    replay inputs once, e.g. a crash file from findings/crashes;
//                                    use a plain build (dotnet run), the instrumented one needs afl-fuzz
if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: Sirocco.Fuzz <{string.Join('|', FuzzTargets.All.Keys)}> [file...]");
    return 2;
}

if (args.Length > 1)
{
    foreach (var file in args.Skip(1))
    {
        target(File.ReadAllBytes(file));
        Console.WriteLine($"ok {file}");
    }

    return 0;
}

Fuzzer.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target(buffer.ToArray());
});
return 0;
