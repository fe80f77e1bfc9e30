using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PetStore.Functions;

namespace PetStore.Tests.Contract;

/// <summary>
/// The worker's log filter, on the worker built exactly as Program.cs builds it: framework lines are dropped before
/// they are sent to the host, the app's own stay, and a setting turns the framework back up.
/// </summary>
public class WorkerLoggingTests
{
    private static ILoggerFactory Loggers(params string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.Configuration["PetStorage"] = "UseDevelopmentStorage=true";
        builder.ConfigurePetStore();
        return builder.Build().Services.GetRequiredService<ILoggerFactory>();
    }

    [Theory]
    [InlineData("Microsoft.AspNetCore.Hosting.Diagnostics")]
    [InlineData("Microsoft.AspNetCore.Routing.EndpointMiddleware")]
    [InlineData("Microsoft.AspNetCore.Http.Result.CreatedResult")]
    [InlineData("Microsoft.Azure.Functions.Worker")]
    [InlineData("System.Net.Http.HttpClient")]
    [InlineData("Azure.Core")]
    public void FrameworkCategory_IsWarningAndAbove(string category)
    {
        var logger = Loggers().CreateLogger(category);

        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    [Theory]
    [InlineData("PetStore.Functions.Pets.CreatePet")]
    [InlineData("PetStore.Functions.Reminders.SetFeedingReminder")]
    [InlineData("PetStore.Functions.Purge.SoftDeletion")]
    [InlineData("PetStore.Functions.Storage.TablePetStore")]
    [InlineData("Microsoft.Hosting.Lifetime")]
    public void AppCategory_StaysAtInformation(string category)
    {
        Assert.True(Loggers().CreateLogger(category).IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void Setting_TurnsAFrameworkCategoryBackUp()
    {
        var loggers = Loggers("--Logging:LogLevel:Microsoft.AspNetCore=Information");

        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Microsoft.Azure.Functions.Worker").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void Setting_OfTheSameCategoryAsADefault_WinsOverIt()
    {
        var loggers = Loggers("--Logging:LogLevel:Microsoft=Information", "--Logging:LogLevel:PetStore=Warning");

        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("PetStore.Functions.Pets.CreatePet").IsEnabled(LogLevel.Information));
    }
}
