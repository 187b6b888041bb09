using ProgressTracker.Web;
using ProgressTracker.Web.Features.Audit;
using ProgressTracker.Web.Features.Integrity;
using ProgressTracker.Web.Infrastructure.Hosting;

if (UsersCommand.Matches(args)) return await UsersCommand.RunAsync(args);
if (AuditCommand.Matches(args)) return await AuditCommand.RunAsync(args);
if (BlobsCommand.Matches(args)) return await BlobsCommand.RunAsync(args);

var app = AppHost.Build(args);
await AppHost.InitializeAsync(app);
await app.RunAsync();
return 0;
