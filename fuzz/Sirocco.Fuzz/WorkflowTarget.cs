using Sirocco.Language;

namespace Sirocco.Fuzz;

/// <summary>YAML workflow language: parse and validate; diagnostics are the only allowed failure.</summary>
internal static class WorkflowTarget
{
    public static void Run(byte[] data)
    {
        var result = WorkflowParser.Parse(FuzzTargets.Text(data));
        GC.KeepAlive(result);
    }
}
