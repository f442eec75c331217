namespace WebUI.DockerApi.Tests.Networks;

/// <summary>Marks a test that checks what the other tests of its class did, so <see cref="AfterTheSuiteLastOrderer"/> runs it last.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AfterTheSuiteAttribute : Attribute;
