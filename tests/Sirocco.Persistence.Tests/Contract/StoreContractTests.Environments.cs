using Sirocco.Persistence.Environments;
using Sirocco.Persistence.Querying;

namespace Sirocco.Persistence.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Environment_round_trips_and_updates()
    {
        var env = new EnvironmentRecord(NewId(), "env1", "first", "{\"a\": 1}", "private", "<default-project>", T0, null);
        await Store.Environments.CreateAsync(env, default);

        var updated = await Store.Environments.UpdateAsync(env with { VariablesJson = "{\"a\": 2}", UpdatedAt = T0.AddMinutes(1) }, default);

        Assert.Equal(env.Id, updated.Id);
        Assert.Equal("{\"a\": 2}", (await Store.Environments.GetAsync("env1", default))?.VariablesJson);
        Assert.Equal(T0.AddMinutes(1), (await Store.Environments.GetAsync(env.Id, default))?.UpdatedAt);
        Assert.Single(await Store.Environments.ListAsync(new ListQuery { Filters = [FieldFilter.Equal("name", "env1")] }, default));
        Assert.True(await Store.Environments.DeleteAsync("env1", default));
        Assert.Null(await Store.Environments.GetAsync("env1", default));
    }

    [Fact]
    public async Task Environment_names_are_unique()
    {
        await Store.Environments.CreateAsync(new EnvironmentRecord(NewId(), "e", null, "{}", "private", "p", T0, null), default);

        await Assert.ThrowsAsync<DuplicateEntryException>(() => Store.Environments.CreateAsync(new EnvironmentRecord(NewId(), "e", null, "{}", "private", "p", T0, null), default));
    }

    [Fact]
    public async Task Variables_over_the_field_limit_fail_with_a_clear_message_and_store_nothing()
    {
        Options.MaxFieldBytes = 1024;
        var big = "{\"v\": \"" + new string('x', 2000) + "\"}";

        var error = await Assert.ThrowsAsync<FieldTooLargeException>(() => Store.Environments.CreateAsync(new EnvironmentRecord(NewId(), "big", null, big, "private", "p", T0, null), default));

        Assert.Equal("Field size limit exceeded [class=Environment, field=variables, size=2KB, limit=1KB]", error.Message);
        Assert.Null(await Store.Environments.GetAsync("big", default));
    }
}
