using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Tests.Functions;

/// <summary>A function context that only carries the worker's services, for calling adapters outside the host.</summary>
internal sealed class ServicesFunctionContext(IServiceProvider services) : FunctionContext
{
    public override string InvocationId => "test";

    public override string FunctionId => "test";

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException();

    /// <summary>Services with the one <see cref="Autopilot.Core.ServiceOptions"/> the adapters read.</summary>
    public static ServicesFunctionContext WithTestWorkflows(bool enabled) =>
        new(new ServiceCollection().AddSingleton(new Autopilot.Core.ServiceOptions { EnableTestWorkflows = enabled }).BuildServiceProvider());
}
