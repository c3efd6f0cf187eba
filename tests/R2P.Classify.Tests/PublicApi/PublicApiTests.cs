using PublicApiGenerator;

namespace R2P.Classify.Tests.PublicApi;

/// <summary>
/// Every change to the library's public API shows up as a diff of an approved file in the repository,
/// so it is made on purpose and reviewed, never by accident.
/// </summary>
public class PublicApiTests
{
    [Fact]
    public void The_public_api_is_the_approved_one()
    {
        string folder = Path.Combine(RepoPaths.Root, "tests", "R2P.Classify.Tests", "PublicApi");
        string approvedPath = Path.Combine(folder, "R2P.Classify.approved.txt");
        string receivedPath = Path.Combine(folder, "R2P.Classify.received.txt");

        // The assembly attributes (InternalsVisibleTo, versions, target framework) are not API; leave them out.
        string received = Normalize(typeof(R2PClassifier).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }));
        string approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : "";

        if (received == approved)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail(
            $"The public API of R2P.Classify has changed. Compare {receivedPath} with {approvedPath}; " +
            "if the change is intended, approve it by moving the received file over the approved one and commit it.");
    }

    private static string Normalize(string api) => api.ReplaceLineEndings("\n").TrimEnd() + "\n";
}
