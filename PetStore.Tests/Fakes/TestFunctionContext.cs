using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace PetStore.Tests.Fakes;

/// <summary>
/// A <see cref="FunctionContext"/> as the worker hands one to middleware: a function definition with its trigger,
/// the ASP.NET Core <see cref="HttpContext"/> where the integration puts it, a trace context, and a bindings
/// feature that holds the invocation result, so middleware runs for real outside the host.
/// </summary>
/// <remarks>
/// The worker keeps the invocation result behind an internal feature interface (what
/// <c>GetInvocationResult()</c> reads and writes); a <see cref="DispatchProxy"/> stands in for it.
/// </remarks>
internal sealed class TestFunctionContext : FunctionContext
{
    // The key under which the ASP.NET Core integration keeps the request's HttpContext (FunctionContext.GetHttpContext()).
    private const string HttpContextKey = "HttpRequestContext";

    private static readonly Type BindingsFeatureType = typeof(FunctionContext).Assembly
        .GetType("Microsoft.Azure.Functions.Worker.Context.Features.IFunctionBindingsFeature", throwOnError: true)!;

    private readonly InvocationFeatures _features = new();
    private readonly BindingsFeature _bindings;

    /// <param name="function">The function's name, or its entry point (<c>Namespace.Class.Run</c>).</param>
    public TestFunctionContext(string function, string triggerType, HttpContext? http = null, string? traceParent = null, IServiceProvider? services = null)
    {
        FunctionDefinition = new Definition(function, triggerType);
        TraceContext = new Trace(traceParent);
        InstanceServices = services ?? new ServiceCollection().BuildServiceProvider();
        var bindings = DispatchProxy.Create(BindingsFeatureType, typeof(BindingsFeature));
        _bindings = (BindingsFeature)bindings;
        _features[BindingsFeatureType] = bindings;
        if (http is not null)
        {
            Items[HttpContextKey] = http;
        }
    }

    /// <summary>What the function (or a middleware) set as the invocation's result.</summary>
    public object? InvocationResult => _bindings.InvocationResult;

    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId { get; } = Guid.NewGuid().ToString();

    public override TraceContext TraceContext { get; }

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition { get; }

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => _features;

    private sealed class Definition(string function, string triggerType) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];

        public override string PathToAssembly => typeof(PetStore.Functions.Pets.Pet).Assembly.Location;

        public override string EntryPoint => function.Contains('.', StringComparison.Ordinal) ? function : $"PetStore.Functions.{function}.Run";

        public override string Id => Name;

        public override string Name => function.Contains('.', StringComparison.Ordinal) ? function.Split('.')[^2] : function;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } =
            ImmutableDictionary<string, BindingMetadata>.Empty.Add("trigger", new Binding(triggerType));

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    private sealed class Binding(string type) : BindingMetadata
    {
        public override string Name => "trigger";

        public override string Type => type;

        public override BindingDirection Direction => BindingDirection.In;
    }

    private sealed class Trace(string? traceParent) : TraceContext
    {
        public override string TraceParent => traceParent ?? "";

        public override string TraceState => "";
    }

    /// <summary>The worker's bindings feature: only the invocation result is kept; the rest is empty.</summary>
    [SuppressMessage("Performance", "CA1852", Justification = "DispatchProxy derives from it at run time, so it must not be sealed.")]
    public class BindingsFeature : DispatchProxy
    {
        public object? InvocationResult { get; private set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            "get_InvocationResult" => InvocationResult,
            "set_InvocationResult" => InvocationResult = args![0],
            "get_OutputBindingData" => new Dictionary<string, object?>(),
            "get_InputData" or "get_TriggerMetadata" => new Dictionary<string, object?>(),
            _ => throw new NotSupportedException(targetMethod?.Name),
        };
    }

    private sealed class InvocationFeatures : Dictionary<Type, object>, IInvocationFeatures
    {
        public T? Get<T>() => TryGetValue(typeof(T), out var feature) ? (T)feature : default;

        public void Set<T>(T instance) => this[typeof(T)] = instance!;
    }
}
