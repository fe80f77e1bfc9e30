namespace PetStore.Tests.EndToEnd;

/// <summary>
/// A fact that runs against <see cref="E2ETarget.Current"/> and is skipped, with the reason, when there is none.
/// xunit v2 cannot skip from inside a test, so the decision is made here, at discovery.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class E2EFactAttribute : FactAttribute
{
    private bool _needsAdminApi;
    private bool _needsDeployedApp;

    public E2EFactAttribute() => Skip = E2ETarget.Current.SkipReason;

    /// <summary>The test calls the host's admin API, which a deployed app only serves with the master key.</summary>
    public bool NeedsAdminApi
    {
        get => _needsAdminApi;
        set
        {
            _needsAdminApi = value;
            Skip = value ? E2ETarget.Current.AdminApiSkipReason : E2ETarget.Current.SkipReason;
        }
    }

    /// <summary>The test checks something only a deployed app does, such as enforcing function keys.</summary>
    public bool NeedsDeployedApp
    {
        get => _needsDeployedApp;
        set
        {
            _needsDeployedApp = value;
            Skip = value ? E2ETarget.Current.DeployedOnlySkipReason : E2ETarget.Current.SkipReason;
        }
    }
}

/// <summary>The theory counterpart of <see cref="E2EFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class E2ETheoryAttribute : TheoryAttribute
{
    public E2ETheoryAttribute() => Skip = E2ETarget.Current.SkipReason;
}
