using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace OpenWxCluster.WebFront.Tests;

public sealed class MojoParameterBodyTests
{
    [Theory]
    [InlineData("application/json")]
    [InlineData("APPLICATION/JSON; charset=utf-8")]
    [InlineData("text/json")]
    [InlineData("application/merge-patch+json")]
    public async Task Json_bodies_are_recognised_by_their_content_type(string contentType)
    {
        var parameters = await Read(contentType, """{"content":"hi","async":false}""");

        Assert.Null(parameters.BodyError);
        Assert.Equal("hi", parameters["content"]);
        Assert.Equal("0", parameters["async"]);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    public async Task Other_bodies_are_not_read(string contentType)
    {
        var parameters = await Read(contentType, "content=hi");

        Assert.Null(parameters.BodyError);
        Assert.Empty(parameters.All);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    public async Task A_json_body_that_is_not_an_object_is_refused(string body)
    {
        var parameters = await Read("application/json", body);

        Assert.Equal("a JSON body must be an object", parameters.BodyError);
    }

    [Fact]
    public void A_name_without_values_is_left_out()
    {
        var parameters = MojoParameters.FromPairs(
            [KeyValuePair.Create("empty", StringValues.Empty), KeyValuePair.Create("id", new StringValues(["a", "b"]))]);

        Assert.False(parameters.Contains("empty"));
        Assert.Equal([KeyValuePair.Create("id", "b")], parameters.All);
    }

    private static Task<MojoParameters> Read(string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        return MojoParameters.ReadAsync(context.Request, CancellationToken.None);
    }
}
