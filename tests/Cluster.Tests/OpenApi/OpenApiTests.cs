using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.TestKit;
using OpenWxCluster.WebFront;

namespace OpenWxCluster.Cluster.Tests.OpenApi;

/// <summary>
/// The OpenAPI document served by the web front, judged against the routes the running host really maps (a new
/// undocumented route fails here) and against real replies. The whole suite runs with <c>App:Api:StrictDocs</c>, so
/// every other test also proves the declared parameters and shapes match what the handlers read and answer.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OpenApiTests(ClusterFixture fixture)
{
    private readonly OpenWxHttpApi _api = new(fixture.Http);

    [Fact]
    public async Task The_document_is_valid_OpenAPI_and_describes_every_mapped_API_route_with_its_parameters_and_answer()
    {
        var served = await ServedDocument.FetchAsync(fixture.Http);
        Assert.Empty(served.Read.Diagnostic!.Errors);
        var paths = served.Document.Paths;

        var endpoints = fixture.Web.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var mojo = endpoints.Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is { } name
                                        && ApiDocs.Apis.Contains(name.Split('.')[0])).ToList();
        // Both APIs are enumerated (not a vacuous pass): a few routes of each, by name.
        var names = mojo.Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName).ToHashSet();
        Assert.Superset(new HashSet<string> { "openwx.get_user_info", "openwx.start_client", "openqq.send_sess_message", "openqq.start_client" }, names);

        foreach (var endpoint in mojo)
        {
            var path = endpoint.RoutePattern.RawText!;
            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName;
            Assert.True(paths.TryGetValue(path, out var item), $"{name} ({path}) is mapped but not in the document");
            var get = item!.Operations![HttpMethod.Get];
            var post = item.Operations[HttpMethod.Post];
            Assert.False(string.IsNullOrEmpty(get.Summary), $"{name}: no summary");
            Assert.Equal(name, get.OperationId);
            Assert.Equal(name + ".post", post.OperationId);
            var accepts = endpoint.Metadata.GetMetadata<MojoAccepts>();
            Assert.True(accepts is not null, $"{name}: no MojoAccepts metadata");
            var body = post.RequestBody!.Content!["application/x-www-form-urlencoded"].Schema!;
            Assert.Equal(3, post.RequestBody.Content.Count);
            foreach (var parameter in accepts!.Parameters.Append(MojoParam.Opt("client", "")))
            {
                Assert.Contains(get.Parameters!, p => p.Name == parameter.Name && p.In == ParameterLocation.Query);
                Assert.True(body.Properties!.ContainsKey(parameter.Name), $"{name}: POST body lacks {parameter.Name}");
            }
            Assert.Equal(accepts.OpenEnded, get.Parameters!.Any(p => p.Name == "options"));
            Assert.NotEmpty(get.Responses!["200"].Content!);
            Assert.NotEmpty(get.Security!);
        }

        var admin = endpoints.Where(e => e.Metadata.GetMetadata<ITagsMetadata>()?.Tags.Contains("admin") == true).ToList();
        Assert.Equal(5, admin.Count);
        foreach (var endpoint in admin)
        {
            var path = endpoint.RoutePattern.RawText!;
            Assert.True(paths.TryGetValue(path, out var item), $"{path} is mapped but not in the document");
            var method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Single();
            var operation = item!.Operations![new HttpMethod(method)];
            Assert.Equal("admin", Assert.Single(operation.Tags!).Name);
            Assert.True(operation.Responses!.ContainsKey("200") || operation.Responses.ContainsKey("302"), path);
        }

        // Nothing else: the document lists exactly the mapped API and admin routes.
        Assert.Equal(mojo.Select(e => e.RoutePattern.RawText!).Concat(admin.Select(e => e.RoutePattern.RawText!)).ToHashSet().Order(), paths.Keys.Order());
        Assert.DoesNotContain(paths.Values, p => p.Operations!.ContainsKey(HttpMethod.Head));
        Assert.Equal(
            ["adminSession", "bearer", "token", "tokenHeader"], served.Document.Components!.SecuritySchemes!.Keys.Order());
    }

    [Fact]
    public async Task Real_replies_of_each_shape_family_fit_the_served_schemas()
    {
        var world = fixture.Emulator.World;
        world.CreateUser(new CreateUserRequest { Wxid = "oa_pal", NickName = "OaPal" });
        world.CreateUser(new CreateUserRequest { Wxid = "oa_bot", NickName = "OaBot", Friends = ["oa_pal"] });
        await _api.LoginAsync(world, "oa_doc", "oa_bot");
        var served = await ServedDocument.FetchAsync(fixture.Http);

        served.AssertFits("/openwx/get_user_info", "get", await GetTextAsync("openwx/get_user_info?client=oa_doc"));
        var friends = await GetTextAsync("openwx/get_friend_info?client=oa_doc");
        Assert.Contains("OaPal", friends, StringComparison.Ordinal);
        served.AssertFits("/openwx/get_friend_info", "get", friends);
        served.AssertFits("/openwx/get_client_info", "get", await GetTextAsync("openwx/get_client_info?client=oa_doc"));

        using (var send = await fixture.Http.PostAsync("openwx/send_friend_message", new FormUrlEncodedContent(
                   [new("client", "oa_doc"), new("displayname", "OaPal"), new("content", "schema check")])))
        {
            var text = await send.Content.ReadAsStringAsync();
            Assert.Equal(0, JsonNode.Parse(text)!["code"]!.GetValue<int>());
            served.AssertFits("/openwx/send_friend_message", "post", text);
        }
        served.AssertFits("/openwx/send_friend_message", "get", await GetTextAsync("openwx/send_friend_message?client=oa_doc&displayname=Nobody&content=x"));

        world.SendText("oa_pal", "oa_bot", "an event to describe");
        var events = await WaitForEventsAsync("openwx/check_event?client=oa_doc", "an event to describe");
        served.AssertFits("/openwx/check_event", "get", events);

        served.AssertFits("/openwx/check_client", "get", await GetTextAsync("openwx/check_client"));
        served.AssertFits("/openwx/start_client", "get", await GetTextAsync("openwx/start_client?client=oa_doc"));
        var accounts = await GetTextAsync("admin/api/accounts");
        Assert.Contains("wx/oa_doc", accounts, StringComparison.Ordinal);
        served.AssertFits("/admin/api/accounts", "get", accounts);
    }

    [Fact]
    public async Task A_reply_that_does_not_fit_is_refused_by_the_served_schema()
    {
        // The schema judge itself: a friend list without the required displayname, and a string code.
        var served = await ServedDocument.FetchAsync(fixture.Http);
        Assert.Throws<Xunit.Sdk.TrueException>(() => served.AssertFits("/openwx/get_friend_info", "get", """[{"id":"@a"}]"""));
        Assert.Throws<Xunit.Sdk.TrueException>(() => served.AssertFits("/openwx/get_friend_info", "get", """{"code":"x","status":"y"}"""));
        served.AssertFits("/openwx/get_friend_info", "get", """{"code":-2,"status":"client not running"}""");
    }

    private async Task<string> GetTextAsync(string url)
    {
        using var response = await fixture.Http.GetAsync(url);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Long-polls until an answer carries the text (each poll returns as soon as events are there).</summary>
    private async Task<string> WaitForEventsAsync(string url, string text)
    {
        for (var poll = 0; poll < 20; poll++)
        {
            var answer = await GetTextAsync(url);
            if (answer.Contains(text, StringComparison.Ordinal))
            {
                return answer;
            }
        }
        throw new InvalidOperationException($"no event with '{text}' after 20 polls");
    }
}
