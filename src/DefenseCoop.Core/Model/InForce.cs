using NodaTime;

namespace DefenseCoop;

/// <summary>Whether an agreement is in force on a date, given how precisely its status changes are dated.</summary>
/// <remarks>No member is 0, so that <c>default(InForceState)</c> never claims that an agreement is not in
/// force; the numbers were set before the first release (1.0.0) and never change.</remarks>
public enum InForceState
{
    /// <summary>Certainly not in force: never started, or certainly ended by then.</summary>
    NotInForce = 1,
    /// <summary>Certainly in force.</summary>
    InForce = 2,
    /// <summary>A status change whose date is known only to a month, a year or part of one may fall either side of the date.</summary>
    Uncertain = 3,
}

/// <summary>The in-force rule for agreements, kept in one place for queries, the index and callers.</summary>
/// <remarks>
/// <para>An agreement comes into force at a status change to <see cref="AgreementStatus.Signed"/>,
/// <see cref="AgreementStatus.Ratified"/> or <see cref="AgreementStatus.InForce"/> (or, with no
/// dated history, at its signing date), and leaves it at <see cref="AgreementStatus.Suspended"/>,
/// <see cref="AgreementStatus.Lifted"/>, <see cref="AgreementStatus.Expired"/> or
/// <see cref="AgreementStatus.Terminated"/>. Undated changes are ignored.</para>
/// <para>A change takes effect on its day. A change dated <c>2023-03</c> has certainly happened by
/// 2023-03-31 (its <see cref="PartialDate.Latest"/>), may or may not have happened from 2023-03-01 to
/// 2023-03-30, and has certainly not happened before. So an embargo lifted in "early 2023"
/// (January–April) is not in force on 2023-06-01 and is <see cref="InForceState.Uncertain"/> on 2023-02-01.</para>
/// </remarks>
public static class AgreementInForce
{
    /// <summary>Whether a status starts (true), ends (false) or does not change (null) the in-force state.</summary>
    internal static bool? Effect(AgreementStatus status) => status switch
    {
        AgreementStatus.Signed or AgreementStatus.Ratified or AgreementStatus.InForce => true,
        AgreementStatus.Suspended or AgreementStatus.Lifted or AgreementStatus.Expired or AgreementStatus.Terminated => false,
        _ => null,
    };

    /// <summary>Whether <paramref name="agreement"/> is in force on <paramref name="date"/> (see the type's remarks). Allocates nothing.</summary>
    public static InForceState StateOn(this Agreement agreement, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        bool certain = false;      // the state after every change that has certainly happened
        bool uncertain = false;
        bool any = false;
        foreach (var change in agreement.StatusHistory)
        {
            if (change.Date is not { } when || Effect(change.Status) is not { } starts) continue;
            any = true;
            if (!Apply(when, starts, date, ref certain, ref uncertain)) break;
        }
        if (!any && agreement.SignedOn is { } signed) Apply(signed, true, date, ref certain, ref uncertain);
        return uncertain ? InForceState.Uncertain : certain ? InForceState.InForce : InForceState.NotInForce;
    }

    // Applies one change as seen on `date`; false once changes lie wholly in the future.
    private static bool Apply(PartialDate when, bool starts, LocalDate date, ref bool certain, ref bool uncertain)
    {
        if (when.Latest <= date) certain = starts;
        else if (when.Earliest <= date) uncertain |= starts != certain;
        else return false;
        return true;
    }
}
