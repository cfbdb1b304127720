// The Azure Bot registration and its Microsoft Teams channel.

param baseName string
param displayName string
param endpoint string

@allowed([
  'UserAssignedMSI'
  'SingleTenant'
  'MultiTenant'
])
param appType string

@description('The managed identity\'s client id (UserAssignedMSI) or the Entra app\'s client id.')
param appId string

@description('Empty for MultiTenant.')
param tenantId string

@description('The managed identity\'s resource id; empty unless UserAssignedMSI.')
param msiResourceId string

param sku string = 'F0'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: baseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: appType
    msaAppId: appId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: msiResourceId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

output id string = bot.id
