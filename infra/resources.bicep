// Everything PetStore runs on, inside the resource group that main.bicep creates.
// Keyless by construction: the storage account refuses shared keys, so every caller (the Functions host,
// the app's table and queue clients, the Flex deployment) authenticates as the user-assigned identity below.

@description('Azure region for every resource.')
param location string

@description('Tags for every resource; azd uses azd-env-name to find its environment.')
param tags object

@description('Short unique suffix (uniqueString output) that keeps globally unique names from colliding.')
@minLength(13)
@maxLength(13)
param resourceToken string

@description('Upper bound on Flex Consumption instances; keeps a runaway queue from becoming a runaway bill.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

// The table and queue names the app uses; the tables also appear as app settings below.
var petsTableName = 'pets'
var purgeIndexTableName = 'petpurgeindex'
var remindersQueueName = 'pet-reminders'
var remindersPoisonQueueName = '${remindersQueueName}-poison'

// Flex Consumption pulls the app package from this container, authenticating as the identity.
var deploymentContainerName = 'deploymentpackage'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${resourceToken}'
  location: location
  tags: tags
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st${resourceToken}'
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    // Public endpoint, Entra ID only: the app is not VNet-integrated in this template.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// Created here so the first request after a deploy does not pay for (or race on) table creation.
resource petsTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: petsTableName
}

resource purgeIndexTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: purgeIndexTableName
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource remindersQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: remindersQueueName
}

resource remindersPoisonQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: remindersPoisonQueueName
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${resourceToken}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${resourceToken}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    // Telemetry is accepted only with an Entra token (APPLICATIONINSIGHTS_AUTHENTICATION_STRING below).
    DisableLocalAuth: true
  }
}

// Built-in role definitions, referenced by their fixed GUIDs.
resource storageBlobDataOwner 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
}

resource storageQueueDataContributor 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
}

resource storageTableDataContributor 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource monitoringMetricsPublisher 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// Blob Data Owner, not Contributor: the host creates its own containers (keys, timer leases) and
// Flex Consumption writes the package into the deployment container.
resource blobOwnerAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageBlobDataOwner.id)
  scope: storage
  properties: {
    roleDefinitionId: storageBlobDataOwner.id
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The queue trigger reads and deletes messages; the app sends reminders and moves poison messages.
resource queueContributorAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageQueueDataContributor.id)
  scope: storage
  properties: {
    roleDefinitionId: storageQueueDataContributor.id
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource tableContributorAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor.id)
  scope: storage
  properties: {
    roleDefinitionId: storageTableDataContributor.id
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Required to send telemetry once the component's local (instrumentation key) auth is disabled.
resource metricsPublisherAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, monitoringMetricsPublisher.id)
  scope: appInsights
  properties: {
    roleDefinitionId: monitoringMetricsPublisher.id
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${resourceToken}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-${resourceToken}'
  location: location
  // azd deploys the `api` service of azure.yaml to the resource carrying this tag.
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION are deliberately absent: Flex Consumption
      // rejects them and takes the runtime from functionAppConfig instead.
      appSettings: [
        // Functions host storage (keys, timer singleton leases), identity-based.
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storage.name
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identity.properties.clientId
        }
        // The app's tables and queues, and the queue trigger's "PetStorage" connection, identity-based.
        {
          name: 'PetStorage__tableServiceUri'
          value: storage.properties.primaryEndpoints.table
        }
        {
          name: 'PetStorage__queueServiceUri'
          value: storage.properties.primaryEndpoints.queue
        }
        {
          name: 'PetStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'PetStorage__clientId'
          value: identity.properties.clientId
        }
        // The connection string only says where to send telemetry; the token from the identity authorizes it.
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'ClientId=${identity.properties.clientId};Authorization=AAD'
        }
        // App options, with their production values.
        {
          name: 'Storage__PetsTable'
          value: petsTableName
        }
        {
          name: 'Storage__PurgeIndexTable'
          value: purgeIndexTableName
        }
        {
          name: 'Pets__RetentionPeriod'
          value: '30.00:00:00'
        }
        {
          name: 'Reminders__FeedingInterval'
          value: '1.00:00:00'
        }
        {
          name: 'Reminders__QueueName'
          value: remindersQueueName
        }
        {
          name: 'Purge__MaxConcurrency'
          value: '16'
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
  // Without its roles the host cannot reach its storage and fails to start on the first deploy.
  dependsOn: [
    blobOwnerAssignment
    queueContributorAssignment
    tableContributorAssignment
    metricsPublisherAssignment
    deploymentContainer
  ]
}

// Deployments go through Entra ID (azd, the deploy workflow); publishing passwords are switched off.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

output functionAppName string = functionApp.name
output functionAppBaseUrl string = 'https://${functionApp.properties.defaultHostName}'
output storageAccountName string = storage.name
