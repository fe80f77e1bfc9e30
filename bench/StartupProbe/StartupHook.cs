using PetStore.Bench.StartupProbe;

// The runtime looks the hook up by this exact name, in no namespace, and calls Initialize before the app's Main.
#pragma warning disable CA1050
internal static class StartupHook
#pragma warning restore CA1050
{
    public static void Initialize() => WorkerStartProbe.Attach();
}
