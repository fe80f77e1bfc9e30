// Entry point for `azd up`: one resource group per azd environment, everything else in resources.bicep.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for every resource. It must offer the Flex Consumption plan.')
@metadata({ azd: { type: 'location' } })
param location string

var tags = { 'azd-env-name': environmentName }

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module resources 'resources.bicep' = {
  name: 'petstore-resources'
  scope: rg
  params: {
    location: location
    tags: tags
    resourceToken: toLower(uniqueString(subscription().id, environmentName, location))
  }
}

// azd reads these outputs into the environment (.azure/<env>/.env), which the README's commands use.
output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = resources.outputs.functionAppName
output PETSTORE_E2E_BASE_URL string = resources.outputs.functionAppBaseUrl
output AZURE_STORAGE_ACCOUNT_NAME string = resources.outputs.storageAccountName
