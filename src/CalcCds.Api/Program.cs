using CalcCds.Api.CdsHooks;
using CalcCds.Api.Feedback;
using CalcCds.Api.Infrastructure;
using CalcCds.Api.Operations;
using CalcCds.Api.Security;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCalcCds();
builder.Services.AddCdsHooksSecurity(builder.Configuration, builder.Environment);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCdsRequestMetrics();
app.UseCdsHooksSecurity();
app.MapHealth();
app.MapCdsHooks().RequireCdsClient();
app.MapFeedbackAnalytics();
app.Run();

/// <summary>The CalcCds host; public so the tests' WebApplicationFactory can start it.</summary>
public partial class Program;
