using Sirocco.Persistence;
using Sirocco.Persistence.Definitions;
using Sirocco.Persistence.Querying;

namespace Sirocco.Api.Projects;

/// <summary>
/// Workbooks, workflows and ad-hoc actions: the caller's own, plus other projects' <c>scope: public</c> ones for
/// reading (as in Mistral). Changes and deletes reach only the caller's own definitions.
/// </summary>
internal sealed class ProjectScopedDefinitions(IDefinitionStore inner) : IDefinitionStore
{
    public Task CreateAsync(IReadOnlyList<DefinitionRecord> definitions, CancellationToken cancellationToken) =>
        inner.CreateAsync([.. definitions.Select(d => d with { ProjectId = ProjectScope.Owner })], cancellationToken);

    public async Task<IReadOnlyList<DefinitionRecord>> UpdateAsync(IReadOnlyList<DefinitionRecord> definitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        foreach (var definition in definitions)
        {
            _ = await FindOwnAsync(definition.Kind, definition.Name, definition.Namespace, cancellationToken)
                ?? throw new EntityNotFoundException(definition.Kind.ToString(), "name", definition.Name);
        }

        return await inner.UpdateAsync([.. definitions.Select(d => d with { ProjectId = ProjectScope.Owner })], cancellationToken);
    }

    public async Task<DefinitionRecord?> GetAsync(DefinitionKind kind, string idOrName, string @namespace, CancellationToken cancellationToken)
    {
        if (ProjectScope.Current is null)
        {
            return await inner.GetAsync(kind, idOrName, @namespace, cancellationToken);
        }

        return await FindOwnAsync(kind, idOrName, @namespace, cancellationToken)
            ?? await FirstAsync(kind, cancellationToken, FieldFilter.Equal("name", idOrName), FieldFilter.Equal("namespace", @namespace), FieldFilter.Equal("scope", ProjectFilter.PublicScope))
            ?? await FirstAsync(kind, cancellationToken, FieldFilter.Equal("id", idOrName), FieldFilter.Equal("scope", ProjectFilter.PublicScope));
    }

    public async Task<bool> DeleteAsync(DefinitionKind kind, string idOrName, string @namespace, CancellationToken cancellationToken)
    {
        if (ProjectScope.Current is null)
        {
            return await inner.DeleteAsync(kind, idOrName, @namespace, cancellationToken);
        }

        // Some endpoints ignore the result (they looked the definition up first, and may have found another
        // project's public one): refuse loudly rather than answer 204 for nothing deleted.
        var own = await FindOwnAsync(kind, idOrName, @namespace, cancellationToken)
            ?? throw new EntityNotFoundException(kind.ToString(), "identifier", idOrName);
        return await inner.DeleteAsync(kind, own.Id, own.Namespace, cancellationToken);
    }

    public Task<IReadOnlyList<DefinitionRecord>> ListAsync(DefinitionKind kind, ListQuery query, CancellationToken cancellationToken) =>
        ProjectScope.Current is not { } project
            ? inner.ListAsync(kind, query, cancellationToken)
            : ProjectFilter.PageAsync(query, q => inner.ListAsync(kind, q, cancellationToken), d => d.ProjectId == project || d.Scope == ProjectFilter.PublicScope, d => d.Id);

    private async Task<DefinitionRecord?> FindOwnAsync(DefinitionKind kind, string idOrName, string @namespace, CancellationToken cancellationToken)
    {
        var owner = FieldFilter.Equal("project_id", ProjectScope.Owner);
        if (ProjectScope.Current is null)
        {
            return await inner.GetAsync(kind, idOrName, @namespace, cancellationToken);
        }

        return await FirstAsync(kind, cancellationToken, FieldFilter.Equal("id", idOrName), owner)
            ?? await FirstAsync(kind, cancellationToken, FieldFilter.Equal("name", idOrName), FieldFilter.Equal("namespace", @namespace), owner);
    }

    private async Task<DefinitionRecord?> FirstAsync(DefinitionKind kind, CancellationToken cancellationToken, params FieldFilter[] filters)
    {
        var rows = await inner.ListAsync(kind, new ListQuery { Limit = 1, Filters = filters }, cancellationToken);
        return rows.Count > 0 ? rows[0] : null;
    }
}
