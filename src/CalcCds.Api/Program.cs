using CalcCds.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddCalcCdsServices();

var app = builder.Build();
app.UseCalcCds();
app.Run();

/// <summary>The CalcCds host; public so the tests' WebApplicationFactory can start it.</summary>
public partial class Program;
