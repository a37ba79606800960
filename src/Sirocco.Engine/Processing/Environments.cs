using Sirocco.Engine.DataFlow;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Processing;

/// <summary>Environment updates on resume and rerun: the new variables merge over the old ones.</summary>
internal static class Environments
{
    public static DictValue Update(DictValue current, DictValue update) => DeepMerge.Merge(current, update);
}
