using CalcCds.Api.CdsHooks;
using CalcCds.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCalcCds();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapHealth();
app.MapCdsHooks();
app.Run();

/// <summary>The CalcCds host; public so the tests' WebApplicationFactory can start it.</summary>
public partial class Program;
