using Microsoft.Azure.Functions.Worker;

namespace PetStore.Functions.Http;

internal static class HttpTriggers
{
    /// <summary>Whether the invoked function has an HTTP trigger: the condition for the HTTP-only middleware.</summary>
    public static bool Match(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var binding in context.FunctionDefinition.InputBindings.Values)
        {
            if (string.Equals(binding.Type, "httpTrigger", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
