using System.Text;
using Microsoft.AspNetCore.Http;

namespace PetStore.Tests.Fakes;

/// <summary>HTTP requests as the ASP.NET Core integration hands them to a function.</summary>
internal static class Requests
{
    public static HttpRequest Empty(string method = "GET", string path = "/api/pets", string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost", 7071);
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    public static HttpRequest Json(string body, string method = "POST", string path = "/api/pets", string contentType = "application/json") =>
        WithBody(Encoding.UTF8.GetBytes(body), method, path, contentType);

    public static HttpRequest WithBody(byte[] body, string method, string path, string? contentType)
    {
        var request = Empty(method, path);
        request.Body = new MemoryStream(body);
        request.ContentLength = body.Length;
        request.ContentType = contentType;
        return request;
    }

    public static HttpRequest WithIfMatch(this HttpRequest request, string eTag)
    {
        request.Headers.IfMatch = eTag;
        return request;
    }
}
