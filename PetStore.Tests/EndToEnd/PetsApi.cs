using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace PetStore.Tests.EndToEnd;

/// <summary>A pet as the API returned it, with the ETag of the response that carried it.</summary>
public sealed record PetSnapshot(JsonElement Body, string? ETag)
{
    public string Id => Body.GetProperty("id").GetString()!;

    public string? Text(string field) => Body.TryGetProperty(field, out var value) ? value.GetString() : null;

    public DateTime? Time(string field) => Body.TryGetProperty(field, out var value) ? value.GetDateTime() : null;
}

/// <summary>The requests and assertions the scenarios share; everything goes over HTTP, nothing reads storage.</summary>
public static class PetsApi
{
    public const string ProblemJson = "application/problem+json";

    public static readonly TimeSpan ReminderTimeout = TimeSpan.FromSeconds(30);

    public static Uri Pets { get; } = new("api/pets", UriKind.Relative);

    public static Uri Pet(string id) => new($"api/pets/{Uri.EscapeDataString(id)}", UriKind.Relative);

    public static Uri Restore(string id) => new($"api/pets/{Uri.EscapeDataString(id)}/restore", UriKind.Relative);

    /// <summary>A marker no other run's pets carry, so a test can pick its own pets out of a shared app.</summary>
    public static string UniqueMarker(string prefix) => $"e2e-{prefix}-{Guid.NewGuid():N}";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, Uri uri, string? json = null, string? ifMatch = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, uri);
        if (json is not null)
        {
            request.Content = Json(json);
        }

        if (ifMatch is not null)
        {
            // As received: a storage ETag is weak (W/"..."), and the API compares it verbatim.
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    public static async Task<PetSnapshot> CreatePetAsync(this HttpClient client, string name, string species = "dog", int ageMonths = 6)
    {
        var body = JsonSerializer.Serialize(new { name, species, ageMonths });
        using var response = await client.SendJsonAsync(HttpMethod.Post, Pets, body);
        return await ReadPetAsync(response, HttpStatusCode.Created);
    }

    public static async Task<PetSnapshot> GetPetAsync(this HttpClient client, string id)
    {
        using var response = await client.GetAsync(Pet(id));
        return await ReadPetAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Polls the pet until the queue-triggered reminder job has set its notes and next feeding time.</summary>
    public static async Task<PetSnapshot> WaitForReminderAsync(this HttpClient client, string id)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var pet = await client.GetPetAsync(id);
            if (pet.Text("notes") is not null && pet.Time("nextFeedingAt") is not null)
            {
                return pet;
            }

            Assert.True(
                waited.Elapsed < ReminderTimeout,
                $"The reminder job did not set notes and nextFeedingAt on pet {id} within {ReminderTimeout.TotalSeconds:0} s; last seen: {pet.Body}");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    public static async Task<PetSnapshot> ReadPetAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var root = await ReadJsonAsync(response, expected);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return new PetSnapshot(root, ETagOf(response));
    }

    /// <summary>Asserts the status and returns the JSON body; the failure message carries the body, which says why.</summary>
    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.StatusCode == expected,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    /// <summary>Asserts an RFC 9457 problem with this status and a detail a person can act on.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await ReadJsonAsync(response, expected);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()), $"The problem has no title: {problem}");
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), $"The problem has no detail: {problem}");
        return problem;
    }

    /// <summary>Asserts a 400 validation problem that names <paramref name="field"/> with at least one message.</summary>
    public static async Task<JsonElement> AssertValidationProblemAsync(HttpResponseMessage response, string field)
    {
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out var errors), $"The validation problem has no 'errors': {problem}");
        Assert.True(errors.TryGetProperty(field, out var messages), $"The validation problem does not name '{field}': {problem}");
        Assert.Equal(JsonValueKind.Array, messages.ValueKind);
        Assert.NotEqual(0, messages.GetArrayLength());
        return problem;
    }

    public static string? ETagOf(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues("ETag", out var values) ? values.Single() : null;
    }
}
