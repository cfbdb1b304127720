// Cosmos DB for NoSQL: keys disabled (Microsoft Entra ID only), continuous backup, one database whose containers
// are all partitioned by department. The app's identity gets the built-in Data Contributor role; it can read and
// write items but not create databases or containers, so every container the code opens must be listed here.

param baseName string
param location string
param databaseName string

@description('Container ids; must equal CONTAINERS in src/store/cosmos.ts (test/deploy/consistency.test.ts checks).')
param containerNames array

@allowed([
  'Serverless'
  'Provisioned'
])
param capacityMode string

@description('Autoscale maximum RU/s shared by the database\'s containers (Provisioned only).')
@minValue(1000)
param maxThroughput int

@allowed([
  'Continuous7Days'
  'Continuous30Days'
])
param backupTier string

@description('Object ids granted the Cosmos DB Built-in Data Contributor role on the account.')
param dataContributorPrincipalIds array

// Cosmos DB Built-in Data Contributor (data plane: read and write items, read metadata).
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'
var isServerless = capacityMode == 'Serverless'

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: baseName
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: isServerless ? [
      {
        name: 'EnableServerless'
      }
    ] : []
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: backupTier
      }
    }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: isServerless ? {} : {
      autoscaleSettings: {
        maxThroughput: maxThroughput
      }
    }
  }
}

resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [for containerName in containerNames: {
  parent: database
  name: containerName
  properties: {
    resource: {
      id: containerName
      partitionKey: {
        paths: [
          '/departmentId'
        ]
        kind: 'Hash'
      }
    }
    options: {}
  }
}]

resource dataContributors 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = [for principalId in dataContributorPrincipalIds: {
  parent: account
  name: guid(account.id, principalId, dataContributorRoleId)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
    principalId: principalId
    scope: account.id
  }
}]

output id string = account.id
output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
