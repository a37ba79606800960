using Sirocco.Persistence.Definitions;
using Sirocco.Persistence.Querying;

namespace Sirocco.Persistence.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Created_definition_reads_back_by_name_and_by_id_with_every_field()
    {
        var wf = Workflow("demo_wf", T0, tags: ["a", "b"]) with { };
        await Store.Definitions.CreateAsync([wf], default);

        var byName = await Store.Definitions.GetAsync(DefinitionKind.Workflow, "demo_wf", "", default);
        var byId = await Store.Definitions.GetAsync(DefinitionKind.Workflow, wf.Id, "", default);

        Assert.NotNull(byName);
        Assert.Equal(wf.Id, byName.Id);
        Assert.Equal(wf.Definition, byName.Definition);
        Assert.Equal(["a", "b"], byName.Tags);
        Assert.Equal(wf.Input, byName.Input);
        Assert.Equal(wf.InterfaceJson, byName.InterfaceJson);
        Assert.Equal(T0, byName.CreatedAt);
        Assert.Null(byName.UpdatedAt);
        Assert.Equal(byName, byId! with { Tags = byName.Tags });
    }

    [Fact]
    public async Task Definitions_of_different_kinds_live_apart()
    {
        await Store.Definitions.CreateAsync([Workflow("x", T0)], default);

        Assert.Null(await Store.Definitions.GetAsync(DefinitionKind.Workbook, "x", "", default));
        Assert.Null(await Store.Definitions.GetAsync(DefinitionKind.Action, "x", "", default));
    }

    [Fact]
    public async Task Duplicate_name_is_rejected_with_Mistrals_message()
    {
        await Store.Definitions.CreateAsync([Workflow("demo_wf", T0)], default);

        var error = await Assert.ThrowsAsync<DuplicateEntryException>(() => Store.Definitions.CreateAsync([Workflow("demo_wf", T0)], default));

        Assert.Equal("Duplicate entry for WorkflowDefinition ['name', 'namespace', 'project_id']: demo_wf, , <default-project>", error.Message);
    }

    [Fact]
    public async Task Same_name_in_another_namespace_is_a_different_definition()
    {
        await Store.Definitions.CreateAsync([Workflow("wf", T0), Workflow("wf", T0, "ns1")], default);

        var inNs = await Store.Definitions.GetAsync(DefinitionKind.Workflow, "wf", "ns1", default);

        Assert.Equal("ns1", inNs?.Namespace);
    }

    [Fact]
    public async Task Creating_several_is_all_or_nothing()
    {
        await Store.Definitions.CreateAsync([Workflow("taken", T0)], default);

        await Assert.ThrowsAsync<DuplicateEntryException>(() => Store.Definitions.CreateAsync([Workflow("fresh", T0), Workflow("taken", T0)], default));

        Assert.Null(await Store.Definitions.GetAsync(DefinitionKind.Workflow, "fresh", "", default));
    }

    [Fact]
    public async Task Update_keeps_id_and_created_at_and_stamps_updated_at()
    {
        var original = Workflow("wf", T0);
        await Store.Definitions.CreateAsync([original], default);
        var changed = Workflow("wf", T0.AddDays(1)) with { Definition = "changed", UpdatedAt = T0.AddHours(1) };

        var stored = Assert.Single(await Store.Definitions.UpdateAsync([changed], default));

        Assert.Equal(original.Id, stored.Id);
        Assert.Equal(T0, stored.CreatedAt);
        Assert.Equal(T0.AddHours(1), stored.UpdatedAt);
        Assert.Equal("changed", (await Store.Definitions.GetAsync(DefinitionKind.Workflow, "wf", "", default))?.Definition);
    }

    [Fact]
    public async Task Update_of_a_missing_definition_is_not_found()
    {
        var error = await Assert.ThrowsAsync<EntityNotFoundException>(() => Store.Definitions.UpdateAsync([Workflow("nope", T0)], default));

        Assert.Equal("WorkflowDefinition not found [name=nope]", error.Message);
    }

    [Fact]
    public async Task Delete_removes_by_name_and_reports_missing()
    {
        await Store.Definitions.CreateAsync([Workflow("wf", T0)], default);

        Assert.True(await Store.Definitions.DeleteAsync(DefinitionKind.Workflow, "wf", "", default));
        Assert.False(await Store.Definitions.DeleteAsync(DefinitionKind.Workflow, "wf", "", default));
        Assert.Null(await Store.Definitions.GetAsync(DefinitionKind.Workflow, "wf", "", default));
    }

    [Fact]
    public async Task List_pages_through_all_rows_with_limit_and_marker_in_sort_order()
    {
        var names = Enumerable.Range(0, 7).Select(i => $"wf{i}").ToList();
        await Store.Definitions.CreateAsync(names.Select((n, i) => Workflow(n, T0.AddSeconds(i % 3))).ToList(), default);

        var seen = new List<string>();
        string? marker = null;
        while (true)
        {
            var page = await Store.Definitions.ListAsync(DefinitionKind.Workflow, new ListQuery { Limit = 3, Marker = marker }, default);
            seen.AddRange(page.Select(p => p.Name));
            if (page.Count < 3)
            {
                break;
            }

            marker = page[^1].Id;
        }

        var all = await Store.Definitions.ListAsync(DefinitionKind.Workflow, ListQuery.All, default);
        Assert.Equal(all.Select(a => a.Name), seen);
        Assert.Equal(names.Order(), seen.Order());
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.CreatedAt <= p.Second.CreatedAt));
    }

    [Fact]
    public async Task List_sorts_descending_and_filters()
    {
        await Store.Definitions.CreateAsync([Workflow("a", T0), Workflow("b", T0.AddSeconds(1), tags: ["x"]), Workflow("c", T0.AddSeconds(2), tags: ["x", "y"])], default);

        var desc = await Store.Definitions.ListAsync(DefinitionKind.Workflow, new ListQuery { SortKeys = ["name"], SortDirections = [SortDirection.Desc] }, default);
        var tagged = await Store.Definitions.ListAsync(DefinitionKind.Workflow, new ListQuery { Filters = [new("tags", FilterOperator.Has, ["x"])] }, default);
        var named = await Store.Definitions.ListAsync(DefinitionKind.Workflow, new ListQuery { Filters = [new("name", FilterOperator.In, ["a", "c"])] }, default);
        var later = await Store.Definitions.ListAsync(DefinitionKind.Workflow, new ListQuery { Filters = [new("created_at", FilterOperator.Gt, ["2026-11-26 14:28:40"])] }, default);

        Assert.Equal(["c", "b", "a"], desc.Select(d => d.Name));
        Assert.Equal(["b", "c"], tagged.Select(d => d.Name));
        Assert.Equal(["a", "c"], named.Select(d => d.Name));
        Assert.Equal(["b", "c"], later.Select(d => d.Name));
    }

    [Fact]
    public async Task List_by_an_unknown_field_is_an_invalid_query()
    {
        var error = await Assert.ThrowsAsync<InvalidQueryException>(() => Store.Definitions.ListAsync(DefinitionKind.Workflow, new ListQuery { Filters = [FieldFilter.Equal("password; DROP TABLE x", "1")] }, default));

        Assert.Contains("Unknown field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reopening_the_database_keeps_data_and_does_not_migrate_twice()
    {
        await Store.Definitions.CreateAsync([Workflow("kept", T0)], default);

        await using var again = await ReopenAsync();

        Assert.NotNull(await again.Definitions.GetAsync(DefinitionKind.Workflow, "kept", "", default));
    }
}
