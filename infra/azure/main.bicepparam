// Example parameters for a 100-clinic chain; copy, then set the registry, image and host names.
using './main.bicep'

param namePrefix = 'pt'
param registryName = 'ptregistry'
param image = 'ptregistry.azurecr.io/progresstracker:1.0.0'
param allowedHosts = 'photos.example-clinics.com'

param webMinReplicas = 2
param webMaxReplicas = 6
param webConcurrentRequests = 50
param workerMinReplicas = 1
param workerMaxReplicas = 8
param workerCpuPercent = 70

param postgresSku = 'Standard_D4ds_v5'
param postgresTier = 'GeneralPurpose'
param postgresStorageGb = 256
param postgresHighAvailability = 'ZoneRedundant'
param postgresBackupRetentionDays = 35
param postgresGeoRedundantBackup = 'Enabled'
param postgresAdminGroupObjectId = ''
param postgresAdminGroupName = ''

param storageSku = 'Standard_GZRS'
param blobSoftDeleteDays = 30

// Empty on the first deployment; then create the certificate (README) and deploy again with its name.
param dataProtectionCertificateName = ''
