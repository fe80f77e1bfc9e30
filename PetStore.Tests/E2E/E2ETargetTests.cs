namespace PetStore.Tests.E2E;

public sealed class E2ETargetTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_NoBaseUrl_ReturnsNull(string? baseUrl)
    {
        Assert.Null(E2ETarget.Parse(baseUrl, "key"));
    }

    [Theory]
    [InlineData("func-abc.azurewebsites.net")]
    [InlineData("ftp://func-abc.azurewebsites.net")]
    public void Parse_NotAnHttpUrl_Throws(string baseUrl)
    {
        Assert.Throws<ArgumentException>(() => E2ETarget.Parse(baseUrl, null));
    }

    [Fact]
    public void Parse_UrlWithoutTrailingSlash_ResolvesApiPathsBeneathIt()
    {
        var target = E2ETarget.Parse("https://func-abc.azurewebsites.net/prefix", " key ")!;

        Assert.Equal(new Uri("https://func-abc.azurewebsites.net/prefix/api/pets"), new Uri(target.BaseUrl, "api/pets"));
        Assert.Equal("key", target.FunctionKey);
    }

    [Fact]
    public void Parse_BlankFunctionKey_LeavesKeyUnset()
    {
        var target = E2ETarget.Parse("http://localhost:7071", " ")!;

        Assert.Null(target.FunctionKey);
    }

    [Fact]
    public void CreateClient_WithFunctionKey_SendsItInTheFunctionsKeyHeader()
    {
        using var client = E2ETarget.Parse("https://func-abc.azurewebsites.net", "secret")!.CreateClient();

        Assert.Equal(["secret"], client.DefaultRequestHeaders.GetValues(E2ETarget.FunctionKeyHeader));
    }

    [Fact]
    public void CreateClient_WithoutFunctionKey_SendsNoKeyHeader()
    {
        using var client = E2ETarget.Parse("http://localhost:7071", null)!.CreateClient();

        Assert.False(client.DefaultRequestHeaders.Contains(E2ETarget.FunctionKeyHeader));
    }
}
