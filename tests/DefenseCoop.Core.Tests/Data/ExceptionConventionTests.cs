namespace DefenseCoop.Tests.Data;

/// <summary>DefenseCoopDataException has the constructors every .NET exception has, and they keep what they are given.</summary>
public class ExceptionConventionTests
{
    [Fact]
    public void DefenseCoopDataException_HasTheStandardConstructors()
    {
        var type = typeof(DefenseCoopDataException);
        Assert.NotNull(type.GetConstructor(Type.EmptyTypes));
        Assert.NotNull(type.GetConstructor([typeof(string)]));
        Assert.NotNull(type.GetConstructor([typeof(string), typeof(Exception)]));

        Assert.False(string.IsNullOrEmpty(new DefenseCoopDataException().Message));
        Assert.Empty(new DefenseCoopDataException().Issues);
        Assert.Equal("bad", new DefenseCoopDataException("bad").Message);
        var inner = new IOException("disk");
        var wrapped = new DefenseCoopDataException("bad", inner);
        Assert.Same(inner, wrapped.InnerException);
        Assert.Empty(wrapped.Issues);
        Assert.Empty(wrapped.OmittedIssues);
    }
}
