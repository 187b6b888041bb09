// One Microsoft Entra ID administrator of a PostgreSQL flexible server (main.bicep).
param serverName string
@description('Object id of the principal (for a managed identity: its principalId).')
param objectId string
param principalName string
@allowed(['ServicePrincipal', 'Group', 'User'])
param principalType string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' existing = {
  name: serverName
}

resource admin 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2024-08-01' = {
  parent: server
  name: objectId
  properties: {
    principalType: principalType
    principalName: principalName
    tenantId: subscription().tenantId
  }
}
