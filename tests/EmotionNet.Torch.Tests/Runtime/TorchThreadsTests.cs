using EmotionNet.Torch.Runtime;
using static TorchSharp.torch;

namespace EmotionNet.Torch.Tests.Runtime;

public class TorchThreadsTests
{
    [Fact]
    public void Overlapping_scopes_put_back_the_count_found_before_the_first_whatever_order_they_close_in()
    {
        NativeRuntime.EnsureTorch();
        var start = get_num_threads();
        var first = TorchThreads.Use(start + 1);
        Assert.Equal(start + 1, get_num_threads());
        var second = TorchThreads.Use(start + 2);
        Assert.Equal(start + 2, get_num_threads());

        // The first run ends while the second still runs: the second keeps its count.
        first.Dispose();
        Assert.Equal(start + 2, get_num_threads());
        second.Dispose();
        Assert.Equal(start, get_num_threads());
        second.Dispose();
        Assert.Equal(start, get_num_threads());
    }

    [Fact]
    public void Zero_changes_nothing()
    {
        NativeRuntime.EnsureTorch();
        var start = get_num_threads();
        using (TorchThreads.Use(0)) Assert.Equal(start, get_num_threads());
        Assert.Equal(start, get_num_threads());
    }
}
