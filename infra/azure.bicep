// Policy Desk in Azure: Azure Bot (Teams channel) → App Service (Linux, Node 20) → Cosmos DB, with a user-assigned
// managed identity for Cosmos DB (and, by default, for the bot itself) and Application Insights.
// Deployed by `arm/deploy` in m365agents.yml with infra/azure.parameters.json; see docs/deployment.md.

@minLength(4)
@maxLength(20)
@description('Starts every resource name (letters and digits, starting with a letter); a short hash of the resource group follows it, so names are unique in Azure.')
param resourceBaseName string

@maxLength(42)
@description('The bot\'s name in Azure.')
param botDisplayName string

param location string = resourceGroup().location

@description('App Service plan SKU (Linux). B1 or larger keeps the bot always on; F1 sleeps when idle.')
param appServiceSku string = 'B1'

@allowed([
  'UserAssignedMSI'
  'SingleTenant'
  'MultiTenant'
])
@description('How the bot proves who it is: the managed identity (no secret), or an Entra app registration with a client secret.')
param botAppType string = 'UserAssignedMSI'

@description('Client id of the bot\'s Entra app registration (SingleTenant and MultiTenant only; ignored for UserAssignedMSI).')
param botAadAppClientId string = ''

@secure()
@description('Client secret of that app registration (SingleTenant and MultiTenant only; ignored for UserAssignedMSI).')
param botAadAppClientSecret string = ''

@allowed([
  'Serverless'
  'Provisioned'
])
@description('Serverless bills per request; Provisioned shares autoscale throughput across the containers.')
param cosmosCapacityMode string = 'Serverless'

@minValue(1000)
@description('Autoscale maximum RU/s for the database (Provisioned only).')
param cosmosMaxThroughput int = 1000

@allowed([
  'Continuous7Days'
  'Continuous30Days'
])
param cosmosBackupTier string = 'Continuous7Days'

@description('The database id; the web app gets it as COSMOS_DATABASE.')
param cosmosDatabaseName string = 'policydesk'

@description('Optional object id of a user or group allowed to read and write data, to run `npm run admin` against this account.')
param cosmosAdminPrincipalId string = ''

@allowed([
  'debug'
  'info'
  'warn'
  'error'
])
param logLevel string = 'info'

@description('What App Service runs after `npm run build` (tsc writes src/index.ts to dist/src/index.js).')
param startCommand string = 'node dist/src/index.js'

// The containers src/store/cosmos.ts opens (CONTAINERS), all partitioned by /departmentId.
var containerNames = [
  'directory'
  'reports'
  'conversations'
  'feedback'
]

var baseName = toLower('${resourceBaseName}-${take(uniqueString(subscription().id, resourceGroup().id), 6)}')
var isMsi = botAppType == 'UserAssignedMSI'
var botId = isMsi ? identity.properties.clientId : botAadAppClientId
var botTenantId = botAppType == 'MultiTenant' ? '' : tenant().tenantId
var appPrincipals = [
  identity.properties.principalId
]
var adminPrincipals = empty(cosmosAdminPrincipalId) ? [] : [
  cosmosAdminPrincipalId
]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-id'
  location: location
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'policy-desk-monitoring'
  params: {
    baseName: baseName
    location: location
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'policy-desk-cosmos'
  params: {
    baseName: baseName
    location: location
    databaseName: cosmosDatabaseName
    containerNames: containerNames
    capacityMode: cosmosCapacityMode
    maxThroughput: cosmosMaxThroughput
    backupTier: cosmosBackupTier
    dataContributorPrincipalIds: concat(appPrincipals, adminPrincipals)
  }
}

// Settings the platform reads: App Service runs the deployed zip as is; the Application Insights agent
// instruments Node.js and sends to this connection string.
var platformSettings = [
  {
    name: 'WEBSITE_RUN_FROM_PACKAGE'
    value: '1'
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: monitoring.outputs.connectionString
  }
  {
    name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
    value: '~3'
  }
]

// Settings src/config.ts reads. Cosmos DB is reached with the managed identity: no key anywhere.
var appConfigSettings = [
  {
    name: 'COSMOS_ENDPOINT'
    value: cosmos.outputs.endpoint
  }
  {
    name: 'COSMOS_DATABASE'
    value: cosmosDatabaseName
  }
  {
    name: 'COSMOS_AUTH'
    value: 'managed-identity'
  }
  {
    name: 'AZURE_CLIENT_ID'
    value: identity.properties.clientId
  }
  {
    name: 'MicrosoftAppId'
    value: botId
  }
  {
    name: 'MicrosoftAppType'
    value: botAppType
  }
  {
    name: 'LOG_LEVEL'
    value: logLevel
  }
]

var tenantSettings = empty(botTenantId) ? [] : [
  {
    name: 'MicrosoftAppTenantId'
    value: botTenantId
  }
]

module web 'modules/web-app.bicep' = {
  name: 'policy-desk-web'
  params: {
    baseName: baseName
    location: location
    sku: appServiceSku
    identityId: identity.id
    startCommand: startCommand
    workspaceId: monitoring.outputs.workspaceId
    appSettings: concat(platformSettings, appConfigSettings, tenantSettings)
    botAppPassword: isMsi ? '' : botAadAppClientSecret
  }
}

module bot 'modules/bot.bicep' = {
  name: 'policy-desk-bot'
  params: {
    baseName: baseName
    displayName: botDisplayName
    endpoint: 'https://${web.outputs.defaultHostName}/api/messages'
    appType: botAppType
    appId: botId
    tenantId: botTenantId
    msiResourceId: isMsi ? identity.id : ''
  }
}

// Written to env/.env.<env> by the toolkit (arm/deploy) for the steps that follow and for the manifest.
output BOT_ID string = botId
output BOT_DOMAIN string = web.outputs.defaultHostName
output BOT_ENDPOINT string = 'https://${web.outputs.defaultHostName}'
output AZURE_APP_SERVICE_RESOURCE_ID string = web.outputs.id
output AZURE_BOT_RESOURCE_ID string = bot.outputs.id
output AZURE_COSMOS_RESOURCE_ID string = cosmos.outputs.id
output AZURE_APP_INSIGHTS_RESOURCE_ID string = monitoring.outputs.appInsightsId
output AZURE_MANAGED_IDENTITY_RESOURCE_ID string = identity.id
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
