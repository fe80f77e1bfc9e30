using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using PetStore.Functions;
using PetStore.Functions.Http;

var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ProblemMiddleware>();

builder.Services.AddPetStore();

builder.Build().Run();
