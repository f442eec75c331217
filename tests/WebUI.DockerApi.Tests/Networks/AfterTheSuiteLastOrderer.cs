using Xunit.Abstractions;
using Xunit.Sdk;

namespace WebUI.DockerApi.Tests.Networks;

/// <summary>Runs a class's tests by name, those marked <see cref="AfterTheSuiteAttribute"/> last.</summary>
public sealed class AfterTheSuiteLastOrderer : ITestCaseOrderer
{
    public const string TypeName = "WebUI.DockerApi.Tests.Networks.AfterTheSuiteLastOrderer";
    public const string AssemblyName = "WebUI.DockerApi.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases
            .OrderBy(t => t.TestMethod.Method.GetCustomAttributes(typeof(AfterTheSuiteAttribute).AssemblyQualifiedName).Any() ? 1 : 0)
            .ThenBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
}
