namespace PetStore.Tests.Scripts;

/// <summary>A fact that needs a POSIX shell for its fake executables, so it is skipped on Windows.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PosixFactAttribute : FactAttribute
{
    public PosixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Uses /bin/sh scripts as fake executables; the Windows lookup is covered by E2ETargetTests.";
        }
    }
}
