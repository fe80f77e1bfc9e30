using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using PetStore.Testing;

namespace PetStore.Tests.Azurite;

public sealed partial class AzuriteInstanceTests
{
    [Fact]
    public async Task SharedAsync_CalledTwice_ReturnsOneRunningInstance()
    {
        var first = await AzuriteInstance.SharedAsync();
        var second = await AzuriteInstance.SharedAsync();

        Assert.Same(first, second);
        using var process = Process.GetProcessById(first.ProcessId);
        Assert.False(process.HasExited);
        Assert.Contains($"TableEndpoint=http://127.0.0.1:{first.TablePort}/devstoreaccount1", first.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionString_TableClient_RoundTripsEntity()
    {
        var azurite = await AzuriteInstance.SharedAsync();
        var table = new TableClient(azurite.ConnectionString, AzuriteInstance.UniqueName("pets"));
        await table.CreateAsync();

        await table.AddEntityAsync(new TableEntity("dogs", "rex") { ["Name"] = "Rex" });
        var stored = await table.GetEntityAsync<TableEntity>("dogs", "rex");

        Assert.Equal("Rex", stored.Value.GetString("Name"));
    }

    [Fact]
    public async Task ConnectionString_QueueClient_RoundTripsMessage()
    {
        var azurite = await AzuriteInstance.SharedAsync();
        var queue = new QueueClient(azurite.ConnectionString, AzuriteInstance.UniqueName("reminders"));
        await queue.CreateAsync();

        await queue.SendMessageAsync("feed rex");
        var received = await queue.ReceiveMessageAsync();

        Assert.Equal("feed rex", received.Value.MessageText);
    }

    [Fact]
    public async Task StartAsync_TwoPrivateInstances_GetDifferentPortsAndProcesses()
    {
        var started = await Task.WhenAll(AzuriteInstance.StartAsync(), AzuriteInstance.StartAsync());
        await using var first = started[0];
        await using var second = started[1];

        Assert.NotEqual(first.ProcessId, second.ProcessId);
        int[] ports = [first.BlobPort, first.QueuePort, first.TablePort, second.BlobPort, second.QueuePort, second.TablePort];
        Assert.Equal(ports.Length, ports.Distinct().Count());
    }

    [Fact]
    public async Task DisposeAsync_PrivateInstance_StopsProcessAndClosesPorts()
    {
        var azurite = await AzuriteInstance.StartAsync();
        using var process = Process.GetProcessById(azurite.ProcessId);

        await azurite.DisposeAsync();

        Assert.True(process.HasExited);
        foreach (var port in new[] { azurite.BlobPort, azurite.QueuePort, azurite.TablePort })
        {
            using var client = new TcpClient();
            await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));
        }
    }

    [Theory]
    [InlineData("pets")]
    [InlineData("Pet-Purge_Index")]
    [InlineData("42reminders")]
    [InlineData("")]
    [InlineData("averyveryveryveryveryverylongprefixthatwouldoverflowthesixtythreecharacterlimit")]
    public void UniqueName_AnyPrefix_IsValidTableAndQueueNameAndUnique(string prefix)
    {
        var first = AzuriteInstance.UniqueName(prefix);
        var second = AzuriteInstance.UniqueName(prefix);

        Assert.Matches(TableAndQueueName(), first);
        Assert.NotEqual(first, second);
    }

    [GeneratedRegex("^[a-z][a-z0-9]{2,62}$")]
    private static partial Regex TableAndQueueName();
}
