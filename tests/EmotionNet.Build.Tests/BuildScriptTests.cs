using System.Runtime.Versioning;
using System.Globalization;

namespace EmotionNet.Build.Tests;

/// <summary>
/// build.sh's test verbs (eng/run-tests.sh) fail whenever a test fails, a test host crashes or a
/// test project runs no test, and keep one summary line; checked on canned dotnet test output, so a
/// regression like the old '|| true' (under pipefail it turned every failed run into exit 0) fails here.
/// </summary>
// build.sh is bash: Linux (and macOS) only, as are the rest of these test projects.
[UnsupportedOSPlatform("windows")]
public sealed class BuildScriptTests : IDisposable
{
    private readonly StandInDotnet dotnet = new();

    public void Dispose() => dotnet.Dispose();

    private static readonly IReadOnlyList<string> Projects = StandInDotnet.TestProjects;

    private static string RunFor(string project) => $"Test run for /repo/tests/{project}/bin/Release/net10.0/{project}.dll (.NETCoreApp,Version=v10.0)\nA total of 1 test files matched the specified pattern.\n";

    private static string Result(string project, int passed, int failed = 0, int skipped = 0) => string.Create(CultureInfo.InvariantCulture,
        $"\n{(failed > 0 ? "Failed!" : "Passed!")}  - Failed: {failed,5}, Passed: {passed,5}, Skipped: {skipped,5}, Total: {passed + failed + skipped,5}, Duration: 3 s - {project}.dll (net10.0)\n");

    /// <summary>dotnet test's output where every project passes, <paramref name="passed"/> tests in all, except what <paramref name="change"/> says for a project.</summary>
    private static string Run(int passed, Func<string, string?>? change = null)
    {
        var text = string.Concat(Projects.Select(RunFor));
        for (var i = 0; i < Projects.Count; i++)
        {
            var share = passed / Projects.Count + (i == 0 ? passed % Projects.Count : 0);
            text += change?.Invoke(Projects[i]) ?? Result(Projects[i], share);
        }
        return text;
    }

    /// <summary>Asserts the run printed <paramref name="text"/>; the message shows the output behind "| " (see <see cref="ScriptRun.ToString"/>).</summary>
    private static void Says(ScriptRun run, string text) => Assert.True(run.Output.Contains(text, StringComparison.Ordinal), $"expected '{text}' in:\n{run}");

    [Fact]
    public void The_solution_has_test_projects_to_check()
    {
        Assert.True(Projects.Count >= 2, string.Join(", ", Projects));
        Assert.Contains("EmotionNet.Build.Tests", Projects);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)] // even if dotnet test itself said all is well
    public void A_failed_test_fails_the_run_and_the_summary_counts_it(int status)
    {
        var failing = Projects[0];
        var output = Run(856, p => p == failing
            ? "[xUnit.net 00:00:01.00]     Some.Test [FAIL]\n  Failed Some.Test [12 ms]\n  Error Message:\n   Assert.Equal() Failure: Values differ\n" + Result(p, 856 - 856 / Projects.Count * (Projects.Count - 1) - 1, failed: 1)
            : null);
        var run = dotnet.Run("test", output, status);
        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Equal("tests: 855 passed, 1 failed, 0 skipped", run.LastLine);
    }

    [Fact]
    public void A_passing_run_exits_0_and_lists_each_skipped_test_with_its_reason()
    {
        var output = Run(860, p => p == Projects[1] ? Result(p, 860 / Projects.Count, skipped: 1) : null);
        var trx = """
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>
                <UnitTestResult testName="Some.Test_that_passes" outcome="Passed" />
                <UnitTestResult testName="Some.Cuda_check" outcome="NotExecuted">
                  <Output>
                    <ErrorInfo>
                      <Message>CUDA is available here: a build &amp; machine without it is what this checks</Message>
                    </ErrorInfo>
                  </Output>
                </UnitTestResult>
              </Results>
            </TestRun>
            """;
        var run = dotnet.Run("test", output, 0, trx);
        Assert.True(run.ExitCode == 0, run.ToString());
        Says(run, "skipped: Some.Cuda_check: CUDA is available here: a build & machine without it is what this checks");
        Assert.False(run.Output.Contains("Some.Test_that_passes", StringComparison.Ordinal), run.ToString());
        Assert.Equal("tests: 860 passed, 0 failed, 1 skipped", run.LastLine);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void A_crashed_test_host_fails_the_run_and_names_the_project(int status)
    {
        var crashed = Projects[^1];
        var output = Run(500, p => p == crashed
            ? "The active test run was aborted. Reason: Test host process crashed : Process terminated.\n   at System.Environment.FailFast(System.String)\n\nTest Run Aborted.\n"
            : null);
        var run = dotnet.Run("test", output, status);
        Assert.True(run.ExitCode != 0, run.ToString());
        Says(run, $"run-tests: {crashed} reported no result");
        Says(run, "Test host process crashed");
        Assert.StartsWith("tests: ", run.LastLine, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_that_ran_no_test_fails_the_run()
    {
        var empty = Projects[0];
        var run = dotnet.Run("test", Run(400, p => p == empty ? Result(p, 0) : null), 0);
        Assert.True(run.ExitCode != 0, run.ToString());
        Says(run, $"run-tests: {empty} ran no test");
    }

    [Fact]
    public void A_project_left_out_of_the_run_fails_it()
    {
        var missing = Projects[1];
        var run = dotnet.Run("test", Run(400, p => p == missing ? "" : null).Replace(RunFor(missing), "", StringComparison.Ordinal), 0);
        Assert.True(run.ExitCode != 0, run.ToString());
        Says(run, $"run-tests: {missing} reported no result");
    }

    [Fact]
    public void Test_runs_every_test_and_passes_when_all_pass()
    {
        var run = dotnet.Run("test", Run(400), 0);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("tests: 400 passed, 0 failed, 0 skipped", run.LastLine);
        var testCall = dotnet.Calls.Split('\n').Single(l => l.StartsWith("test ", StringComparison.Ordinal));
        Assert.Contains("EmotionNet.sln", testCall, StringComparison.Ordinal);
        Assert.DoesNotContain("--filter", testCall, StringComparison.Ordinal);
    }

    [Fact]
    public void Quick_leaves_out_slow_tests_and_accepts_a_project_with_only_slow_ones()
    {
        var slow = Projects[0];
        var output = Run(300, p => p == slow ? $"No test matches the given testcase filter `Category!=Slow` in /repo/tests/{p}/bin/Release/net10.0/{p}.dll\n" : null);
        var run = dotnet.Run("quick", output, 0);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("--filter Category!=Slow", dotnet.Calls, StringComparison.Ordinal);

        // The full run has no filter: there, a project without results is one that did not run.
        var full = dotnet.Run("test", output, 0);
        Assert.True(full.ExitCode != 0, full.ToString());
    }

    [Fact]
    public void An_unknown_verb_is_a_usage_error_before_anything_is_built()
    {
        var run = dotnet.Run("tset", "", 0);
        Assert.Equal(2, run.ExitCode);
        Says(run, "unknown verb 'tset'");
        Assert.Equal("", dotnet.Calls);
    }
}
