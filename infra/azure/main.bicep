// ProgressTracker on Azure: Container Apps (web + worker, one image), PostgreSQL Flexible Server and a Storage
// account, all private to one VNet, signed in to with one user-assigned managed identity: no key, password or
// connection secret anywhere in this template or in the apps' settings. See infra/azure/README.md.
targetScope = 'resourceGroup'

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Short prefix for resource names (lower-case letters and digits).')
@minLength(2)
@maxLength(10)
param namePrefix string = 'pt'

@description('Name of an existing Azure Container Registry in this resource group that holds the image.')
param registryName string

@description('Image to run, e.g. myregistry.azurecr.io/progresstracker:1.0.0 (infra/Dockerfile).')
param image string

@description('Web replicas: at least this many (keep 1 or more so the first request is not a cold start).')
@minValue(1)
param webMinReplicas int = 1

@description('Web replicas: at most this many.')
@minValue(1)
param webMaxReplicas int = 4

@description('Concurrent HTTP requests per web replica before another is added.')
param webConcurrentRequests int = 50

@description('Worker replicas: at least this many (one keeps the queue moving and the sweeps running).')
@minValue(1)
param workerMinReplicas int = 1

@description('Worker replicas: at most this many.')
@minValue(1)
param workerMaxReplicas int = 6

@description('Average CPU utilisation (%) of the workers above which another worker is added.')
param workerCpuPercent int = 70

@description('Host names the web app answers to (AllowedHosts, ";"-separated); "*" until a custom domain is set.')
param allowedHosts string = '*'

@description('PostgreSQL compute SKU.')
param postgresSku string = 'Standard_D2ds_v5'

@description('PostgreSQL SKU tier.')
@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresTier string = 'GeneralPurpose'

@description('PostgreSQL storage in GiB (grows automatically).')
param postgresStorageGb int = 128

@description('Zone-redundant high availability: a standby in another zone that takes over automatically.')
@allowed(['Disabled', 'ZoneRedundant', 'SameZone'])
param postgresHighAvailability string = 'ZoneRedundant'

@description('Days of point-in-time restore for PostgreSQL (7 to 35).')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 35

@description('Also keep PostgreSQL backups in the paired region.')
@allowed(['Enabled', 'Disabled'])
param postgresGeoRedundantBackup string = 'Enabled'

@description('Optional: object id of an Entra ID group of human PostgreSQL administrators (besides the app identity).')
param postgresAdminGroupObjectId string = ''

@description('Display name of that group.')
param postgresAdminGroupName string = ''

@description('Days a deleted or overwritten blob (and a deleted container) can be recovered.')
@minValue(7)
@maxValue(365)
param blobSoftDeleteDays int = 30

@description('Storage redundancy.')
@allowed(['Standard_ZRS', 'Standard_GZRS', 'Standard_RAGZRS', 'Standard_LRS'])
param storageSku string = 'Standard_GZRS'

@description('Name of the Key Vault certificate that encrypts the data-protection keys; empty on the first deployment, before the certificate exists (the app then warns at start).')
param dataProtectionCertificateName string = ''

var suffix = uniqueString(resourceGroup().id)
var appsPrefix = '10.40.0.0/23'
var databaseName = 'progresstracker'
var container = 'photos'
var roles = {
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageBlobDelegator: 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a'
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

// ---- Identity: the one principal both apps run as ----

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-app-${suffix}'
  location: location
}

// ---- Network: apps, PostgreSQL and private endpoints in one VNet ----

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${namePrefix}-vnet-${suffix}'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.40.0.0/16'] }
    subnets: [
      {
        name: 'apps'
        properties: {
          addressPrefix: appsPrefix
          delegations: [{ name: 'apps', properties: { serviceName: 'Microsoft.App/environments' } }]
        }
      }
      {
        name: 'postgres'
        properties: {
          addressPrefix: '10.40.2.0/24'
          delegations: [{ name: 'postgres', properties: { serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers' } }]
        }
      }
      {
        name: 'endpoints'
        properties: { addressPrefix: '10.40.3.0/24' }
      }
    ]
  }
}

var appsSubnetId = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'apps')
var postgresSubnetId = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'postgres')
var endpointsSubnetId = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'endpoints')

// ---- Logs ----

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

// ---- Storage: private photos, nothing deleted or overwritten beyond recovery ----

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('${namePrefix}st${suffix}', 24)
  location: location
  kind: 'StorageV2'
  sku: { name: storageSku }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false // Entra ID only: no account key, no key-signed SAS
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled' // browsers fetch media by user-delegation SAS redirects (see README)
    networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' }
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: true
      services: { blob: { enabled: true } }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    isVersioningEnabled: true
    changeFeed: { enabled: true }
    deleteRetentionPolicy: { enabled: true, days: blobSoftDeleteDays }
    containerDeleteRetentionPolicy: { enabled: true, days: blobSoftDeleteDays }
    restorePolicy: { enabled: true, days: blobSoftDeleteDays - 1 }
  }
}

resource photos 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: container
  properties: { publicAccess: 'None' }
}

resource blobDns 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.blob.${environment().suffixes.storage}'
  location: 'global'
}

resource blobDnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: blobDns
  name: vnet.name
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: { id: vnet.id }
  }
}

resource blobEndpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: '${storage.name}-blob'
  location: location
  properties: {
    subnet: { id: endpointsSubnetId }
    privateLinkServiceConnections: [
      {
        name: 'blob'
        properties: { privateLinkServiceId: storage.id, groupIds: ['blob'] }
      }
    ]
  }
}

resource blobEndpointDns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = {
  parent: blobEndpoint
  name: 'blob'
  properties: {
    privateDnsZoneConfigs: [{ name: 'blob', properties: { privateDnsZoneId: blobDns.id } }]
  }
}

resource blobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageBlobDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource blobDelegator 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageBlobDelegator)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDelegator)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---- Registry: the apps pull the image as the identity ----

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: registryName
}

resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identity.id, roles.acrPull)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.acrPull)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---- Key Vault: the certificate that encrypts the data-protection keys (cookies, tokens) ----

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${namePrefix}-kv-${suffix}', 24)
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' }
  }
}

resource vaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---- PostgreSQL: private access, Entra ID sign-in only ----

resource postgresDns 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: '${namePrefix}-${suffix}.private.postgres.database.azure.com'
  location: 'global'
}

resource postgresDnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: postgresDns
  name: vnet.name
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: { id: vnet.id }
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${namePrefix}-pg-${suffix}'
  location: location
  sku: { name: postgresSku, tier: postgresTier }
  properties: {
    version: '16'
    storage: { storageSizeGB: postgresStorageGb, autoGrow: 'Enabled' }
    backup: { backupRetentionDays: postgresBackupRetentionDays, geoRedundantBackup: postgresGeoRedundantBackup }
    highAvailability: { mode: postgresHighAvailability }
    network: {
      delegatedSubnetResourceId: postgresSubnetId
      privateDnsZoneArmResourceId: postgresDns.id
      publicNetworkAccess: 'Disabled'
    }
    authConfig: {
      activeDirectoryAuth: 'Enabled'
      passwordAuth: 'Disabled'
      tenantId: subscription().tenantId
    }
  }
  dependsOn: [postgresDnsLink]
}

resource postgresDatabase 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}

// The app's identity administers the server: it owns what its migrations create (app tables, schema "hangfire").
// A module, because an administrator is named by the principal's object id, known only once the identity exists.
module postgresAppAdmin 'postgres-admin.bicep' = {
  name: 'postgres-app-admin'
  params: {
    serverName: postgres.name
    objectId: identity.properties.principalId
    principalName: identity.name
    principalType: 'ServicePrincipal'
  }
  dependsOn: [postgresDatabase]
}

module postgresHumanAdmin 'postgres-admin.bicep' = if (!empty(postgresAdminGroupObjectId)) {
  name: 'postgres-group-admin'
  params: {
    serverName: postgres.name
    objectId: postgresAdminGroupObjectId
    principalName: postgresAdminGroupName
    principalType: 'Group'
  }
  dependsOn: [postgresAppAdmin]
}

// ---- Container Apps ----

resource appsEnvironment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${namePrefix}-env-${suffix}'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
    vnetConfiguration: {
      infrastructureSubnetId: appsSubnetId
      internal: false
    }
    workloadProfiles: [{ name: 'Consumption', workloadProfileType: 'Consumption' }]
    zoneRedundant: true
  }
}

var hasCertificate = !empty(dataProtectionCertificateName)
var certificateFolder = '/mnt/dataprotection'

// Every setting the app reads, shared by both roles (ASP.NET Section__Key form). No secret among them.
var appSettings = concat(
  [
    { name: 'Database__Provider', value: 'Postgres' }
    {
      name: 'ConnectionStrings__Postgres'
      value: 'Host=${postgres.properties.fullyQualifiedDomainName};Database=${databaseName};Username=${identity.name};SSL Mode=VerifyFull'
    }
    { name: 'Database__EntraAuthentication', value: 'true' }
    { name: 'Database__ManagedIdentityClientId', value: identity.properties.clientId }
    { name: 'Storage__Provider', value: 'AzureBlob' }
    { name: 'Storage__AzureServiceUri', value: storage.properties.primaryEndpoints.blob }
    { name: 'Storage__ManagedIdentityClientId', value: identity.properties.clientId }
    { name: 'Storage__Container', value: container }
    { name: 'Demo__Seed', value: 'false' }
    // Container Apps' ingress proxies run in the apps subnet: believe X-Forwarded-* from there only.
    { name: 'Proxy__KnownNetworks__0', value: appsPrefix }
    { name: 'AllowedHosts', value: allowedHosts }
  ],
  hasCertificate ? [{ name: 'DataProtection__CertificatePath', value: '${certificateFolder}/certificate' }] : []
)

var certificateSecrets = hasCertificate
  ? [
      {
        name: 'certificate'
        keyVaultUrl: '${vault.properties.vaultUri}secrets/${dataProtectionCertificateName}'
        identity: identity.id
      }
    ]
  : []
var certificateVolumes = hasCertificate
  ? [{ name: 'dataprotection', storageType: 'Secret', secrets: [{ secretRef: 'certificate', path: 'certificate' }] }]
  : []
var certificateMounts = hasCertificate ? [{ volumeName: 'dataprotection', mountPath: certificateFolder }] : []

var probes = [
  {
    type: 'Startup' // the first start migrates the database
    httpGet: { path: '/health/live', port: 8080 }
    periodSeconds: 5
    failureThreshold: 60
  }
  {
    type: 'Liveness' // checks nothing behind the process: an outage of PostgreSQL or Storage restarts nothing
    httpGet: { path: '/health/live', port: 8080 }
    periodSeconds: 10
    failureThreshold: 3
  }
  {
    type: 'Readiness' // 503 while the database or the blob store does not answer
    httpGet: { path: '/health', port: 8080 }
    periodSeconds: 10
    failureThreshold: 3
  }
]

resource web 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${namePrefix}-web'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    environmentId: appsEnvironment.id
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 8080
        transport: 'auto'
        allowInsecure: false
      }
      registries: [{ server: registry.properties.loginServer, identity: identity.id }]
      secrets: certificateSecrets
    }
    template: {
      containers: [
        {
          name: 'web'
          image: image
          resources: { cpu: json('1.0'), memory: '2Gi' }
          env: concat(appSettings, [{ name: 'Host__Role', value: 'Web' }])
          probes: probes
          volumeMounts: certificateMounts
        }
      ]
      volumes: certificateVolumes
      scale: {
        minReplicas: webMinReplicas
        maxReplicas: webMaxReplicas
        rules: [
          {
            name: 'http'
            http: { metadata: { concurrentRequests: string(webConcurrentRequests) } }
          }
        ]
      }
    }
  }
  dependsOn: [acrPull, blobContributor, blobDelegator, vaultSecretsUser, postgresAppAdmin, photos, blobEndpointDns]
}

resource worker 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${namePrefix}-worker'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    environmentId: appsEnvironment.id
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      registries: [{ server: registry.properties.loginServer, identity: identity.id }]
      secrets: certificateSecrets
    }
    template: {
      containers: [
        {
          name: 'worker'
          image: image
          resources: { cpu: json('2.0'), memory: '4Gi' } // each imaging job holds one decoded photo
          env: concat(appSettings, [
            { name: 'Host__Role', value: 'Worker' }
            { name: 'Jobs__ImagingWorkers', value: '2' }
          ])
          probes: probes
          volumeMounts: certificateMounts
        }
      ]
      volumes: certificateVolumes
      scale: {
        minReplicas: workerMinReplicas
        maxReplicas: workerMaxReplicas
        rules: [
          {
            name: 'cpu'
            custom: { type: 'cpu', metadata: { type: 'Utilization', value: string(workerCpuPercent) } }
          }
        ]
      }
    }
  }
  dependsOn: [acrPull, blobContributor, blobDelegator, vaultSecretsUser, postgresAppAdmin, photos, blobEndpointDns]
}

output webUrl string = 'https://${web.properties.configuration.ingress.fqdn}'
output identityName string = identity.name
output identityClientId string = identity.properties.clientId
output postgresHost string = postgres.properties.fullyQualifiedDomainName
output storageAccount string = storage.name
output keyVaultName string = vault.name
