namespace Sirocco.Engine.Tests.Harness;

/// <summary>Deterministic ids: <c>id-1</c>, <c>id-2</c>, ...</summary>
internal sealed class SequentialIds : IIdGenerator
{
    private int _next;

    public string NewId() => $"id-{++_next}";
}
