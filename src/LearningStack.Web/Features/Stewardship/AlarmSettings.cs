using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>The thresholds the alarm rules use. The defaults are the issue's; a network's stewards can change them (<see cref="AlarmSettings"/>).</summary>
public sealed record AlarmThresholds(int QuietDays, int PlayingSafeMonths, int VoiceSessions, int RouteWaitDays, int BoundaryReviewMonths, int RestingDays)
{
    public static AlarmThresholds Default { get; } = new(QuietDays: 30, PlayingSafeMonths: 6, VoiceSessions: 3, RouteWaitDays: 21, BoundaryReviewMonths: 6, RestingDays: 60);
}

/// <summary>A network's alarm thresholds, once its stewards have changed any (until then the defaults apply and there is no row).</summary>
public sealed class AlarmSettings : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }

    /// <summary>Days an experiment may run without evidence or a reflection, when its data plan names no reflection cadence.</summary>
    public int QuietDays { get; set; }

    public int PlayingSafeMonths { get; set; }
    public int VoiceSessions { get; set; }
    public int RouteWaitDays { get; set; }
    public int BoundaryReviewMonths { get; set; }
    public int RestingDays { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => null;

    public AlarmThresholds Thresholds => new(QuietDays, PlayingSafeMonths, VoiceSessions, RouteWaitDays, BoundaryReviewMonths, RestingDays);
}

public sealed class AlarmSettingsConfiguration : IEntityTypeConfiguration<AlarmSettings>
{
    public void Configure(EntityTypeBuilder<AlarmSettings> builder)
    {
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => s.NetworkId).IsUnique();
        builder.HasOne<Network>().WithMany().HasForeignKey(s => s.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>How often the background job evaluates every network (configuration section "Alarms").</summary>
public sealed class AlarmOptions
{
    public TimeSpan EvaluateEvery { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>A network's thresholds, as read and as changed (send the version read; 0 while the defaults apply).</summary>
public sealed record AlarmSettingsView(Guid NetworkId, string NetworkName, AlarmThresholds Thresholds, bool IsDefault, bool CanEdit, int Version);

public sealed class AlarmSettingsInput
{
    [Required(ErrorMessage = "Say after how many days without evidence or a reflection an experiment should be looked at.")]
    [Range(1, 365, ErrorMessage = "Use between 1 and 365 days.")]
    public int? QuietDays { get; set; }

    [Required(ErrorMessage = "Say over how many months to look for a stopped experiment or a lesson from failure.")]
    [Range(1, 36, ErrorMessage = "Use between 1 and 36 months.")]
    public int? PlayingSafeMonths { get; set; }

    [Required(ErrorMessage = "Say how many recent sense-making sessions to look at.")]
    [Range(1, 20, ErrorMessage = "Use between 1 and 20 sessions.")]
    public int? VoiceSessions { get; set; }

    [Required(ErrorMessage = "Say after how many days a routed issue waiting for an answer should be looked at.")]
    [Range(1, 365, ErrorMessage = "Use between 1 and 365 days.")]
    public int? RouteWaitDays { get; set; }

    [Required(ErrorMessage = "Say after how many months a boundary should be reviewed again.")]
    [Range(1, 36, ErrorMessage = "Use between 1 and 36 months.")]
    public int? BoundaryReviewMonths { get; set; }

    [Required(ErrorMessage = "Say after how many days of every stage resting the cycle should be looked at.")]
    [Range(1, 730, ErrorMessage = "Use between 1 and 730 days.")]
    public int? RestingDays { get; set; }

    /// <summary>The version read (0 while the defaults apply).</summary>
    public int? Version { get; set; }

    public static AlarmSettingsInput From(AlarmSettingsView view) => new()
    {
        QuietDays = view.Thresholds.QuietDays, PlayingSafeMonths = view.Thresholds.PlayingSafeMonths, VoiceSessions = view.Thresholds.VoiceSessions,
        RouteWaitDays = view.Thresholds.RouteWaitDays, BoundaryReviewMonths = view.Thresholds.BoundaryReviewMonths, RestingDays = view.Thresholds.RestingDays,
        Version = view.Version,
    };
}

public sealed class AlarmDismissInput
{
    public const int ReasonLength = 2000;

    [Required(ErrorMessage = "Say why this alarm can be set aside: the reason is kept with it.")]
    [StringLength(ReasonLength, ErrorMessage = "Keep the reason under 2,000 characters.")]
    public string? Reason { get; set; }

    public int? Version { get; set; }
}
