// Linux App Service plan and the Node 20 web app that runs the bot (restify on PORT, which App Service sets).

param baseName string
param location string
param sku string
param identityId string
param startCommand string
param workspaceId string

@description('Non-secret app settings, { name, value } each.')
param appSettings array

@secure()
@description('The bot\'s client secret (SingleTenant / MultiTenant); empty for UserAssignedMSI.')
param botAppPassword string = ''

// Free and shared plans cannot keep the process running between requests.
var plansWithoutAlwaysOn = [
  'F1'
  'D1'
]
var alwaysOn = !contains(plansWithoutAlwaysOn, toUpper(sku))

var secretSettings = empty(botAppPassword) ? [] : [
  {
    name: 'MicrosoftAppPassword'
    value: botAppPassword
  }
]

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${baseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: sku
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: baseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: startCommand
      alwaysOn: alwaysOn
      healthCheckPath: '/health'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(appSettings, secretSettings)
    }
  }
}

resource siteLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

output id string = site.id
output defaultHostName string = site.properties.defaultHostName
