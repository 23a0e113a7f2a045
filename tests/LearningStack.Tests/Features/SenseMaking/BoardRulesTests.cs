using LearningStack.Web.Features.SenseMaking;

namespace LearningStack.Tests.Features.SenseMaking;

/// <summary>Pure rules of the board: positions with gaps, and who is present.</summary>
public sealed class BoardRulesTests
{
    [Fact]
    public void Between_EmptyColumn_Zero() => Assert.Equal(0, BoardOrdering.Between([], 3));

    [Fact]
    public void Between_AtTheEnd_OneGapAfterTheLast() => Assert.Equal(2048 + BoardOrdering.Gap, BoardOrdering.Between([0, 1024, 2048], 3));

    [Fact]
    public void Between_AtTheStart_OneGapBeforeTheFirst() => Assert.Equal(-BoardOrdering.Gap, BoardOrdering.Between([0, 1024], 0));

    [Fact]
    public void Between_TwoNeighbours_Midway() => Assert.Equal(512, BoardOrdering.Between([0, 1024], 1));

    [Fact]
    public void Between_NoRoomLeft_NullToRenumber() => Assert.Null(BoardOrdering.Between([5, 6], 1));

    [Fact]
    public void Between_IndexBeyondTheEnd_PutLast() => Assert.Equal(1024, BoardOrdering.Between([0], 99));

    [Fact]
    public void Insert_AtIndex_ItemInPlace() => Assert.Equal(["a", "x", "b"], BoardOrdering.Insert(["a", "b"], 1, "x"));

    [Fact]
    public void Presence_SamePersonInTwoTabs_CountedOnce()
    {
        var presence = new BoardPresence();
        var session = Guid.NewGuid();
        presence.Join(session, "tab-1", new PresentPerson("u1", "Ada"));

        var present = presence.Join(session, "tab-2", new PresentPerson("u1", "Ada"));

        Assert.Single(present);
    }

    [Fact]
    public void Presence_OneTabCloses_StillPresentUntilTheLast()
    {
        var presence = new BoardPresence();
        var session = Guid.NewGuid();
        presence.Join(session, "tab-1", new PresentPerson("u1", "Ada"));
        presence.Join(session, "tab-2", new PresentPerson("u1", "Ada"));
        presence.Join(session, "tab-3", new PresentPerson("u2", "Bo"));

        var afterOne = presence.Disconnect("tab-1").Single().Present;
        var afterTwo = presence.Disconnect("tab-2").Single().Present;

        Assert.Equal(["Ada", "Bo"], afterOne.Select(p => p.Name));
        Assert.Equal(["Bo"], afterTwo.Select(p => p.Name));
    }
}
