using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using PetStore.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigurePetStore();
builder.Build().Run();
