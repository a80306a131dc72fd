namespace Autopilot.Core.Sql;

/// <summary>Numeric literals: integers, decimals, exponents and 0x hex.</summary>
public sealed partial class SqlLexer
{
    private Failure? ReadNumber()
    {
        var start = _pos;
        if (_sql[_pos] == '0' && Peek(1) is 'x' or 'X')
        {
            _pos += 2;
            var digits = _pos;
            while (_pos < _sql.Length && SqlCharacters.IsHexDigit(_sql[_pos]))
            {
                _pos++;
            }

            if (_pos == digits)
            {
                return new Failure(start, "hex literal without digits");
            }
        }
        else
        {
            SkipDigits();
            if (Peek() == '.')
            {
                _pos++;
                SkipDigits();
            }

            if (Peek() is 'e' or 'E' && (SqlCharacters.IsDigit(Peek(1)) || (Peek(1) is '+' or '-' && SqlCharacters.IsDigit(Peek(2)))))
            {
                _pos += Peek(1) is '+' or '-' ? 2 : 1;
                SkipDigits();
            }
        }

        // BigQuery requires whitespace between a literal and what follows it ("1from", "1e", "0x1g").
        if (_pos < _sql.Length && SqlCharacters.IsIdentifierPart(_sql[_pos]))
        {
            return new Failure(_pos, "missing whitespace after a number");
        }

        EmitFrom(start, SqlTokenKind.Number, _sql[start.._pos]);
        return null;
    }

    private void SkipDigits()
    {
        while (_pos < _sql.Length && SqlCharacters.IsDigit(_sql[_pos]))
        {
            _pos++;
        }
    }
}
