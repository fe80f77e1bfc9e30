using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Context.Features;
using Microsoft.Azure.Functions.Worker.Invocation;
using Microsoft.Extensions.DependencyInjection;
using PetStore.Functions;
using PetStore.Functions.Pets;

namespace PetStore.Bench.Scenarios;

/// <summary>
/// App: GetPet invoked as the worker invokes it, through the <see cref="IFunctionExecutor"/> the Functions SDK
/// generates for this app (<c>DirectFunctionExecutor</c>), with a fresh service scope per invocation. The generated
/// executor calls a public function class directly; for a class it cannot see (internal) it hands over to the worker's
/// reflection-based executor, which builds and compiles an invoker on every call. The app's JIT compilations per
/// operation tell the two apart. Floor: the same raw point read as the get scenario. Not in here: the gRPC channel
/// to the host, the ASP.NET Core request proxying and the middleware, which cost the same either way.
/// </summary>
internal static class GetExecutorScenario
{
    public const string Name = "get-executor";

    /// <summary>JIT compilations per operation that still count as "none at steady state".</summary>
    public const double SteadyStateJit = 0.1;

    public static async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        await using var app = context.NewApp("getexec", AddWorkerInvocation);
        var executor = ActivatorUtilities.CreateInstance<DirectFunctionExecutor>(app.Services);
        var definition = new GetPetDefinition();
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();

        context.Say($"{Name}: seeding {options.Gets} pets");
        var ids = await PurgeSeeding.AddLiveAsync(app, options.Gets, cancellationToken);

        async Task AppGetAsync(int i, CancellationToken ct)
        {
            var id = ids[i % ids.Length];
            var request = app.Request("GET", $"/api/pets/{id}");
            await using var scope = scopes.CreateAsyncScope();
            var invocation = new Invocation(definition, scope.ServiceProvider, [request, id, ct]);
            await executor.ExecuteAsync(invocation);
            if (invocation.Bindings.Result is not Results<Ok<PetResponse>, StatusCodeHttpResult, ProblemHttpResult> { Result: Ok<PetResponse> } result)
            {
                throw new BenchmarkFailedException($"GetPet through the executor answered {invocation.Bindings.Result} instead of 200.");
            }

            await result.ExecuteAsync(request.HttpContext);
        }

        Task FloorGetAsync(int i, CancellationToken ct) =>
            app.FloorPets.GetEntityAsync<TableEntity>(ids[i % ids.Length], "pet", cancellationToken: ct);

        var warmUp = Math.Max(GetScenario.MinWarmUp, BenchContext.WarmUpCount(options.Gets));
        context.Say($"{Name}: warming up ({warmUp} each)");
        await Load.WarmUpAsync(warmUp, options.Concurrency, AppGetAsync, FloorGetAsync, cancellationToken);

        context.Say($"{Name}: {options.Gets} reads per path, concurrency {options.Concurrency}");
        var (appTimings, floorTimings) = await Load.InterleaveAsync(
            options.Gets, options.Rounds, options.Concurrency, AppGetAsync, FloorGetAsync, cancellationToken);

        var appStats = appTimings.ToStats("GetPet through the generated IFunctionExecutor, a service scope per invocation");
        var floorStats = floorTimings.ToStats("raw TableClient.GetEntity<TableEntity> of the same pet");
        return new ScenarioResult(
            Name,
            options.Gets,
            appStats,
            floorStats,
            null,
            new Target("app/floor >= 0.85", Math.Round(appStats.OpsPerSecond / floorStats.OpsPerSecond, 3), 0.85, AtLeast: true),
            $"concurrency {options.Concurrency}; warm-up {warmUp} reads per path; the JIT target holds only when the function classes are public",
            CostTargets:
            [
                Target.CpuPerOperation(appStats, floorStats, 1.3),
                new Target($"app JIT/op <= {SteadyStateJit}", appStats.JitCompilationsPerOp, SteadyStateJit, AtLeast: false),
            ]);
    }

    /// <summary>The worker's own activator and invocation services, which the generated executor and its fallback use.</summary>
    private static void AddWorkerInvocation(IServiceCollection services)
    {
        var worker = new ServiceCollection();
        worker.AddFunctionsWorkerCore();
        foreach (var service in worker.Where(d => d.ServiceType == typeof(IFunctionActivator) || d.ServiceType.Namespace == typeof(IFunctionExecutor).Namespace))
        {
            services.Add(service);
        }
    }

    /// <summary>GetPet as the worker's metadata describes it; the executors use the entry point and the assembly path.</summary>
    private sealed class GetPetDefinition : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters { get; } =
            [new("request", typeof(HttpRequest)), new("id", typeof(string)), new("cancellationToken", typeof(CancellationToken))];

        public override string PathToAssembly { get; } = typeof(GetPet).Assembly.Location;

        public override string EntryPoint { get; } = $"{typeof(GetPet).FullName}.{nameof(GetPet.Run)}";

        public override string Id { get; } = "bench-getpet";

        public override string Name { get; } = nameof(GetPet);

        public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    /// <summary>
    /// One invocation as the executors see it: the bound arguments (what the input binding feature returns) and a
    /// place for the function's result (the worker's internal bindings feature, stood in for by a proxy).
    /// </summary>
    private sealed class Invocation(FunctionDefinition definition, IServiceProvider services, object?[] arguments)
        : FunctionContext, IInvocationFeatures, IFunctionInputBindingFeature
    {
        private static readonly Type BindingsFeature =
            typeof(FunctionContext).Assembly.GetType("Microsoft.Azure.Functions.Worker.Context.Features.IFunctionBindingsFeature", throwOnError: true)!;

        public InvocationBindings Bindings { get; } = (InvocationBindings)DispatchProxy.Create(BindingsFeature, typeof(InvocationBindings));

        public override string InvocationId { get; } = Guid.NewGuid().ToString();

        public override string FunctionId => definition.Id;

        public override FunctionDefinition FunctionDefinition => definition;

        public override IServiceProvider InstanceServices { get; set; } = services;

        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

        public override IInvocationFeatures Features => this;

        public override TraceContext TraceContext => throw new NotSupportedException("The executors do not read the trace context.");

        public override BindingContext BindingContext => throw new NotSupportedException("The executors do not read the binding context.");

        public override RetryContext RetryContext => throw new NotSupportedException("The executors do not read the retry context.");

        public T Get<T>() => typeof(T) == typeof(IFunctionInputBindingFeature) ? (T)(object)this
            : typeof(T) == BindingsFeature ? (T)(object)Bindings
            : default!;

        public void Set<T>(T instance) => throw new NotSupportedException("The executors only read features.");

        public ValueTask<FunctionInputBindingResult> BindFunctionInputAsync(FunctionContext context) => new(new FunctionInputBindingResult(arguments));

        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => Enumerable.Empty<KeyValuePair<Type, object>>().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Stands in for the worker's internal IFunctionBindingsFeature; the executors only set the invocation result.</summary>
    internal class InvocationBindings : DispatchProxy
    {
        public object? Result { get; private set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            switch (targetMethod?.Name)
            {
                case "get_InvocationResult":
                    return Result;
                case "set_InvocationResult":
                    Result = args?[0];
                    return null;
                default:
                    throw new NotSupportedException($"The benchmark's invocation does not support {targetMethod?.Name}.");
            }
        }
    }
}
