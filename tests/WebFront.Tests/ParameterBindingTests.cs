using System.Text;
using Microsoft.AspNetCore.Http;

namespace OpenWxCluster.WebFront.Tests;

public sealed class ParameterBindingTests
{
    private static DefaultHttpContext Request(string query, string? contentType = null, string? body = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = body is null ? "GET" : "POST";
        context.Request.QueryString = new QueryString(query);
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.ContentType = contentType;
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }
        return context;
    }

    [Fact]
    public async Task Query_parameters_are_read_and_the_last_value_of_a_name_wins()
    {
        var context = Request("?client=bot1&id=a&id=b&content=%E4%BD%A0%E5%A5%BD");

        var parameters = (await MojoParameters.BindAsync(context))!;

        Assert.Equal("bot1", parameters["client"]);
        Assert.Equal("b", parameters["id"]);
        Assert.Equal("你好", parameters["content"]);
        Assert.Null(parameters["markname"]);
        Assert.Same(parameters, MojoParameters.Peek(context));
    }

    [Fact]
    public async Task Urlencoded_form_is_added_after_the_query()
    {
        var context = Request("?client=q&id=fromquery", "application/x-www-form-urlencoded", "id=fromform&content=hi%20there");

        var parameters = (await MojoParameters.BindAsync(context))!;

        Assert.Equal("q", parameters["client"]);
        Assert.Equal("fromform", parameters["id"]);
        Assert.Equal("hi there", parameters["content"]);
        Assert.Null(parameters.BodyError);
    }

    [Fact]
    public async Task Multipart_form_fields_are_read()
    {
        const string body = "--XyZ\r\nContent-Disposition: form-data; name=\"displayname\"\r\n\r\n小灰\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nhello\r\n--XyZ--\r\n";
        var context = Request("", "multipart/form-data; boundary=XyZ", body);

        var parameters = (await MojoParameters.BindAsync(context))!;

        Assert.Equal("小灰", parameters["displayname"]);
        Assert.Equal("hello", parameters["content"]);
    }

    [Fact]
    public async Task Flat_json_object_body_is_read_with_scalars_as_text()
    {
        var context = Request("?client=bot", "application/json; charset=utf-8",
            """{"id":"@abc","content":"好","async":true,"ttl":5,"none":null,"post_message_filter":{"a":1}}""");

        var parameters = (await MojoParameters.BindAsync(context))!;

        Assert.Equal("bot", parameters["client"]);
        Assert.Equal("@abc", parameters["id"]);
        Assert.Equal("好", parameters["content"]);
        Assert.Equal("1", parameters["async"]);
        Assert.Equal("5", parameters["ttl"]);
        Assert.False(parameters.Contains("none"));
        Assert.Equal("""{"a":1}""", parameters["post_message_filter"]);
        Assert.Null(parameters.BodyError);
    }

    [Theory]
    [InlineData("application/json", "{not json")]
    [InlineData("application/json", "[1,2]")]
    public async Task Broken_json_body_is_recorded_not_thrown(string contentType, string body)
    {
        var parameters = (await MojoParameters.BindAsync(Request("", contentType, body)))!;

        Assert.NotNull(parameters.BodyError);
    }

    [Fact]
    public async Task Empty_json_body_is_no_error()
    {
        var parameters = (await MojoParameters.BindAsync(Request("?a=1", "application/json", "")))!;

        Assert.Null(parameters.BodyError);
        Assert.Equal("1", parameters["a"]);
    }

    [Fact]
    public async Task Unreserved_leaves_out_api_control_parameters_in_first_seen_order()
    {
        var parameters = (await MojoParameters.BindAsync(
            Request("?client=c&province=广东&token=t&datatype=jsonp&callback=f&_=123&city=深圳")))!;

        Assert.Equal(["province", "city"], parameters.Unreserved.Select(p => p.Key));
    }
}
