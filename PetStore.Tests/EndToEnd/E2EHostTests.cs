namespace PetStore.Tests.EndToEnd;

/// <summary>How the suite starts func, checked without starting it.</summary>
public class E2EHostTests
{
    [Fact]
    public void FuncStartInfo_AnyMachine_RunsHostInUtcOnGivenPortAndStorage()
    {
        var startInfo = E2EHost.FuncStartInfo("/opt/func/bin/func", "/src/petstore/PetStore.Functions", 7123, "UseDevelopmentStorage=true");

        Assert.Equal("UTC", startInfo.Environment["TZ"]);
        Assert.Equal(["start", "--port", "7123"], startInfo.ArgumentList);
        Assert.Equal("/src/petstore/PetStore.Functions", startInfo.WorkingDirectory);
        Assert.Equal("UseDevelopmentStorage=true", startInfo.Environment["AzureWebJobsStorage"]);
        Assert.Equal("UseDevelopmentStorage=true", startInfo.Environment["PetStorage"]);
    }
}
