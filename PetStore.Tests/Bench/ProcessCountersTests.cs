using System.Linq.Expressions;
using PetStore.Bench;

namespace PetStore.Tests.Bench;

public class ProcessCountersTests
{
    [Fact]
    public void Since_AllocationAndNewlyCompiledExpression_CountsTheBytesAndTheJitCompilation()
    {
        // The expression compiler's own methods are compiled on first use; only the new lambda may count below.
        Assert.Equal(4, CompileSquare()(2));
        var start = ProcessCounters.Read();

        var buffer = GC.AllocateUninitializedArray<byte>(1 << 20);
        // What the worker's reflection-based executor does on every call of an internal function class: compile a
        // new invoker and call it, which JIT-compiles it.
        var result = CompileSquare()(7);
        var used = ProcessCounters.Read().Since(start);

        Assert.Equal(49, result);
        Assert.True(used.AllocatedBytes >= buffer.Length, $"{used.AllocatedBytes} bytes counted after allocating {buffer.Length}");
        Assert.True(used.JitCompilations >= 1, $"{used.JitCompilations} methods compiled after compiling and calling a new lambda");
        Assert.True(used.Cpu >= TimeSpan.Zero, $"CPU {used.Cpu}");
    }

    private static Func<int, int> CompileSquare()
    {
        var value = Expression.Parameter(typeof(int));
        return Expression.Lambda<Func<int, int>>(Expression.Multiply(value, value), value).Compile();
    }
}
