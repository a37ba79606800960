using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Sirocco.Engine.Changes;
using Sirocco.Engine.Commands;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Engine.Tests.Harness;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Tests;

/// <summary>
/// Random workflows of noop/fail tasks with random forward transitions (on-success/on-error/on-complete,
/// conditions on a random input), retries, waits and with-items, run to the end on a fake clock. FsCheck
/// draws the seed of each workflow; the invariants must hold for every one.
/// </summary>
public class RandomWorkflowProperties
{
    [Property(MaxTest = 300)]
    public bool Every_random_workflow_ends_and_keeps_the_invariants(PositiveInt seed, bool flag)
    {
        var random = new Random(seed.Get);
        var (yaml, retries) = Generate(random);
        if (!Sirocco.Language.WorkflowParser.Parse(yaml).IsValid)
        {
            return true; // A join the generator made impossible to satisfy statically: the validator refuses it, as it should.
        }

        var harness = new EngineHarness(yaml);
        harness.Scripts["__never__"] = _ => null;
        harness.Start(input: DictValue.From([new KeyValuePair<string, Value>("flag", Value.From(flag))]));
        for (var i = 0; i < 200 && harness.Timers.Count > 0; i++)
        {
            harness.Advance(TimeSpan.FromSeconds(1));
        }

        var root = harness.Root;
        var tasks = harness.Tasks();

        // 1. Every execution ends.
        Assert.True(root.State.IsCompleted(), $"execution did not end ({root.State}) for:\n{yaml}");
        Assert.All(tasks, t => Assert.True(t.State.IsCompleted(), $"{t.Name} is {t.State} for:\n{yaml}"));

        // 2. Nothing starts after the execution ended.
        var endIndex = harness.Commands.FindIndex(c => c is CompleteExecution complete && complete.ExecutionId == root.Id);
        Assert.DoesNotContain(harness.Commands.Skip(endIndex + 1), c => c is RunAction run && run.ExecutionId == root.Id);

        foreach (var task in tasks)
        {
            var actions = harness.State(root.Id).ActionsOf(task.Id).ToList();
            var spec = retries.GetValueOrDefault(task.Name);

            // 3. With-items results line up with their items (each item echoes its own value).
            if (task.WithItems is { } progress && task.State == ExecutionState.Success)
            {
                var result = Assert.IsType<ListValue>(task.Result);
                Assert.Equal(progress.Count, result.Count);
                for (var i = 0; i < result.Count; i++)
                {
                    Assert.Equal(Value.From(i * 10), result[i]);
                }
            }

            // 4. Retries never exceed their count: attempts per item <= count + 1.
            foreach (var perItem in actions.GroupBy(a => a.Index))
            {
                Assert.True(perItem.Count() <= spec + 1, $"{task.Name} item {perItem.Key} ran {perItem.Count()} times with retry count {spec}:\n{yaml}");
            }

            Assert.True(task.RetryCount <= spec);
        }

        return true;
    }

    private static (string Yaml, Dictionary<string, int> Retries) Generate(Random random)
    {
        var count = random.Next(1, 8);
        var retries = new Dictionary<string, int>(StringComparer.Ordinal);
        var yaml = new StringBuilder("version: '2.0'\nwf:\n  input:\n    - flag\n  tasks:\n");
        for (var i = 0; i < count; i++)
        {
            var name = $"t{i}";
            yaml.Append($"    {name}:\n");
            var fails = random.Next(3) == 0;
            if (random.Next(4) == 0)
            {
                var items = random.Next(0, 5);
                yaml.Append($"      with-items: x in {Value.List(Enumerable.Range(0, items).Select(n => Value.From(n * 10))).ToJson()}\n");
                yaml.Append(fails ? "      action: std.fail\n" : "      action: std.echo output=<% $.x %>\n");
                if (random.Next(2) == 0)
                {
                    yaml.Append($"      concurrency: {random.Next(1, 3)}\n");
                }
            }
            else
            {
                yaml.Append(fails ? "      action: std.fail\n" : "      action: std.noop\n");
            }

            var retry = random.Next(4) == 0 ? random.Next(0, 3) : 0;
            retries[name] = retry;
            if (retry > 0)
            {
                yaml.Append($"      retry:\n        count: {retry}\n        delay: {random.Next(0, 2)}\n");
            }

            if (random.Next(5) == 0)
            {
                yaml.Append($"      wait-before: {random.Next(1, 3)}\n");
            }

            if (i > 1 && random.Next(3) == 0)
            {
                yaml.Append(random.Next(2) == 0 ? "      join: all\n" : "      join: 1\n");
            }

            if (random.Next(6) == 0)
            {
                yaml.Append($"      wait-after: {random.Next(1, 3)}\n");
            }

            foreach (var clause in new[] { "on-success", "on-error", "on-complete" })
            {
                if (i + 1 >= count || random.Next(3) != 0)
                {
                    continue;
                }

                var targets = Enumerable.Range(i + 1, count - i - 1).Where(_ => random.Next(2) == 0).Select(t => $"t{t}").ToList();
                if (targets.Count == 0)
                {
                    continue;
                }

                yaml.Append($"      {clause}:\n");
                foreach (var target in targets)
                {
                    yaml.Append(random.Next(4) == 0 ? $"        - {target}: <% $.flag %>\n" : $"        - {target}\n");
                }

                if (clause == "on-error" && random.Next(3) == 0)
                {
                    yaml.Append("        - noop\n");
                }
            }
        }

        return (yaml.ToString(), retries);
    }
}
