using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Context.Features;
using PetStore.Functions.Http;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Contract;

/// <summary>
/// The worker runs functions through the executor the Functions SDK generates at build time. For a public function
/// class it calls the method directly; for any other it falls back to the reflection-based default executor, built
/// anew on every invocation (a method lookup, a compiled expression tree and fresh JIT work per call, about half of
/// the worker's CPU per request when measured under the host). These tests keep every function on the direct path.
/// </summary>
public class FunctionExecutorTests
{
    private static readonly Assembly App = typeof(ProblemMiddleware).Assembly;

    [Fact]
    public void EveryFunctionMethod_IsDeclaredOnAPublicType()
    {
        var functions = App.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .ToList();

        Assert.Equal(9, functions.Count);
        Assert.All(functions, m =>
        {
            Assert.True(m.DeclaringType!.IsPublic, $"{m.DeclaringType} must be public for the generated executor to call it directly.");
            Assert.True(m.IsPublic, $"{m.DeclaringType}.{m.Name} must be public.");
        });
    }

    [Theory]
    [MemberData(nameof(FunctionsMetadata.EntryPoints), MemberType = typeof(FunctionsMetadata))]
    public async Task GeneratedExecutor_CallsTheFunctionDirectly(string entryPoint)
    {
        var executor = App.GetType("PetStore.Functions.DirectFunctionExecutor", throwOnError: true)!;
        var activator = new RecordingActivator();
        var context = new TestFunctionContext(entryPoint, "httpTrigger", new DefaultHttpContext());
        context.Features.Set<IFunctionInputBindingFeature>(new NoInputs());
        var instance = (Microsoft.Azure.Functions.Worker.Invocation.IFunctionExecutor)Activator.CreateInstance(executor, activator)!;

        // The direct path asks our activator for the function class; the fallback would build the default executor
        // from the invocation's services (which hold nothing here) and never ask.
        var thrown = await Assert.ThrowsAsync<DirectCall>(() => instance.ExecuteAsync(context).AsTask());

        Assert.Equal(entryPoint[..entryPoint.LastIndexOf('.')], thrown.Type.FullName);
    }

    private sealed class DirectCall(Type type) : Exception($"Asked to activate {type}.")
    {
        public Type Type { get; } = type;
    }

    private sealed class RecordingActivator : IFunctionActivator
    {
        public object? CreateInstance(Type instanceType, FunctionContext context) => throw new DirectCall(instanceType);
    }

    private sealed class NoInputs : IFunctionInputBindingFeature
    {
        public ValueTask<FunctionInputBindingResult> BindFunctionInputAsync(FunctionContext context) =>
            ValueTask.FromResult(new FunctionInputBindingResult(new object?[4]));
    }
}
